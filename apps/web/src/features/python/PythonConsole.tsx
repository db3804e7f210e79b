import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConsoleLine {
  stream: 'stdout' | 'stderr' | 'stdin';
  text: string;
}

/** What the program printed (errors in their own colour), and a line for input() while it waits. */
export function PythonConsole(props: { lines: ConsoleLine[]; waiting: boolean; onInput(line: string): void }) {
  const { t } = useTranslation();
  const [line, setLine] = useState('');
  const out = useRef<HTMLPreElement>(null);
  const input = useRef<HTMLInputElement>(null);
  // The console follows its last line without scrolling the page around it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every new line, to follow it
  useEffect(() => {
    if (out.current) out.current.scrollTop = out.current.scrollHeight;
  }, [props.lines]);
  useEffect(() => {
    if (props.waiting) input.current?.focus();
  }, [props.waiting]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onInput(line);
    setLine('');
  };
  return (
    <section className="python-console" aria-label={t('python.console')}>
      <pre ref={out} className="python-console__out" data-testid="python-output" aria-live="polite">
        {props.lines.length === 0 && <span className="python-console__empty">{t('python.consoleEmpty')}</span>}
        {props.lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are only ever appended
          <span key={i} className={`python-console__${l.stream}`}>
            {l.text}
          </span>
        ))}
      </pre>
      {props.waiting && (
        <form className="python-console__input" onSubmit={submit}>
          <label htmlFor="python-input">{t('python.inputLabel')}</label>
          <input
            id="python-input"
            ref={input}
            value={line}
            onChange={(e) => setLine(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" className="button button--small">
            {t('python.send')}
          </button>
        </form>
      )}
    </section>
  );
}
