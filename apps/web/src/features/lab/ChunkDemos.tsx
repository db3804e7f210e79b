import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BridgeRequestError } from '../../bridge/client.ts';
import { useBridge, usePlayground, usePlaygroundStore } from '../../bridge/context.tsx';
import { formatError } from '../../i18n/formatError.ts';
import { type DemoId, type DemoOutcome, DemoRunner } from './demoScript.ts';
import './lab.css';

const DEMOS: DemoId[] = ['coalesce', 'split', 'udp'];

type Status = { demo: DemoId; outcome: DemoOutcome } | { demo: DemoId; error: string } | null;

/**
 * One-click demonstrations of the lesson "writes are not reads", each with its explanation in
 * plain words. They run real sockets with ordinary commands and end on the reader's byte ribbon.
 */
export function ChunkDemos() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const bridge = useBridge();
  const store = usePlaygroundStore();
  const connected = usePlayground((s) => s.connection.status === 'connected');
  const runner = useMemo(() => new DemoRunner(bridge, store), [bridge, store]);
  const [running, setRunning] = useState<DemoId | null>(null);
  const [status, setStatus] = useState<Status>(null);

  const run = async (demo: DemoId) => {
    setRunning(demo);
    setStatus(null);
    try {
      const outcome = await runner.run(demo);
      runner.show(demo);
      setStatus({ demo, outcome });
    } catch (caught) {
      const message =
        caught instanceof BridgeRequestError ? formatError(i18n, caught.info) : String((caught as Error).message);
      setStatus({ demo, error: message });
    } finally {
      setRunning(null);
    }
  };

  return (
    <section className="panel form demos" data-testid="chunk-demos" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('lab.demos.title')}</h2>
      <p className="form__intro">{t('lab.demos.intro')}</p>
      {DEMOS.map((demo) => (
        <article key={demo} className="demo" data-demo={demo}>
          <div className="demo__head">
            <h3 className="demo__title">{t(`lab.demos.${demo}.title`)}</h3>
            <button
              type="button"
              className="button button--small button--primary"
              disabled={!connected || running !== null}
              aria-describedby={`${id}-${demo}-explain`}
              onClick={() => void run(demo)}
            >
              {running === demo ? t('lab.demos.running') : t('lab.demos.run')}
            </button>
          </div>
          <p id={`${id}-${demo}-explain`} className="demo__explain">
            {t(`lab.demos.${demo}.explain`)}
          </p>
          {status?.demo === demo && (
            <p className={'error' in status ? 'inline-error' : 'demo__done'} role="status" data-testid="demo-result">
              {'error' in status
                ? t('lab.demos.failed', { message: status.error })
                : t(`lab.demos.${demo}.done`, { count: status.outcome.reads, lost: status.outcome.lost ?? 0 })}
            </p>
          )}
        </article>
      ))}
    </section>
  );
}
