import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeEditor } from './CodeEditor.tsx';
import { EXAMPLES, type ExampleId, splitArgs } from './examples.ts';
import { PythonConsole } from './PythonConsole.tsx';
import { type RunStatus, usePythonRun } from './usePythonRun.ts';
import './python.css';

const ACTIVE: RunStatus['kind'][] = ['loading', 'running', 'input'];

/**
 * Python in the page (docs/python.md): an editor with the seeds' programs, Run and Stop, and the
 * console. Loaded only when its tab opens, and Python itself only on the first Run.
 */
export function PythonPanel() {
  const { t } = useTranslation();
  const [exampleId, setExampleId] = useState<ExampleId>(EXAMPLES[0].id);
  const [source, setSource] = useState<string>(EXAMPLES[0].source);
  const [args, setArgs] = useState<string>(EXAMPLES[0].args);
  const [loadKey, setLoadKey] = useState(0);
  const { status, lines, start, input, stop } = usePythonRun();
  const active = ACTIVE.includes(status.kind);
  const isolated = typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated !== false;

  const load = () => {
    const example = EXAMPLES.find((e) => e.id === exampleId) ?? EXAMPLES[0];
    setSource(example.source);
    setArgs(example.args);
    setLoadKey((k) => k + 1);
  };

  return (
    <section className="python-panel" aria-labelledby="python-title" data-testid="python-panel">
      <h2 id="python-title">{t('python.title')}</h2>
      <p className="python-panel__intro">{t('python.intro')}</p>
      {!isolated && (
        <p role="alert" className="python-panel__problem">
          {t('python.notIsolated')}
        </p>
      )}
      <div className="python-panel__example">
        <label htmlFor="python-example">{t('python.example')}</label>
        <select id="python-example" value={exampleId} onChange={(e) => setExampleId(e.target.value as ExampleId)}>
          {EXAMPLES.map((e) => (
            <option key={e.id} value={e.id}>
              {t(`python.examples.${e.id}`)}
            </option>
          ))}
        </select>
        <button type="button" className="button button--small" onClick={load} disabled={active}>
          {t('python.load')}
        </button>
      </div>
      <CodeEditor text={source} loadKey={loadKey} label={t('python.editor')} onChange={setSource} />
      <div className="field python-panel__args">
        <label htmlFor="python-args">{t('python.args')}</label>
        <input
          id="python-args"
          value={args}
          onChange={(e) => setArgs(e.target.value)}
          spellCheck={false}
          aria-describedby="python-args-hint"
        />
        <p id="python-args-hint" className="field__hint">
          {t('python.argsHint')}
        </p>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          data-testid="python-run"
          onClick={() => start(source, splitArgs(args))}
          disabled={active || !isolated}
        >
          {t('python.run')}
        </button>
        <button type="button" className="button" onClick={stop} disabled={!active} data-testid="python-stop">
          {t('python.stop')}
        </button>
      </div>
      <p className="python-panel__status" role="status" data-testid="python-status" data-status={status.kind}>
        {t(`python.status.${status.kind}`, status)}
      </p>
      <PythonConsole lines={lines} waiting={status.kind === 'input'} onInput={input} />
      <p className="field__hint">{t('python.socketsNote')}</p>
    </section>
  );
}
