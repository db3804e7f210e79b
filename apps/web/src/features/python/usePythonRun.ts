import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge, usePlayground } from '../../bridge/context.tsx';
import type { ConsoleLine } from './PythonConsole.tsx';
import { PythonRun } from './pythonRun.ts';

export type RunStatus =
  | { kind: 'idle' | 'loading' | 'running' | 'input' | 'stopped' }
  | { kind: 'exited'; code: number }
  | { kind: 'failed'; message: string };

/** Longest console the panel keeps, in lines: a program printing in a loop cannot fill the page's memory. */
const MAX_LINES = 2000;

/** One program at a time: Run starts it in a fresh worker, Stop (or leaving the page) ends it and closes its sockets. */
export function usePythonRun() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const upsertSocket = usePlayground((s) => s.upsertSocket);
  const [status, setStatus] = useState<RunStatus>({ kind: 'idle' });
  const [lines, setLines] = useState<ConsoleLine[]>([]);
  const run = useRef<PythonRun | null>(null);

  const print = useCallback((stream: ConsoleLine['stream'], text: string) => {
    setLines((all) => {
      const last = all[all.length - 1];
      const next =
        last?.stream === stream
          ? [...all.slice(0, -1), { stream, text: last.text + text }]
          : [...all, { stream, text }];
      return next.length > MAX_LINES ? next.slice(-MAX_LINES) : next;
    });
  }, []);

  const start = useCallback(
    (source: string, argv: string[]) => {
      run.current?.stop();
      setLines([]);
      setStatus({ kind: 'loading' });
      const current = new PythonRun((command, options) => bridge.send(command, options), {
        output: print,
        loaded: () => setStatus({ kind: 'running' }),
        wantsInput: () => setStatus({ kind: 'input' }),
        socket: (result) => result.socket && upsertSocket(result.socket),
        ended: (code, failure) => {
          if (run.current === current) run.current = null;
          if (failure !== undefined) setStatus({ kind: 'failed', message: failure });
          else setStatus(code === null ? { kind: 'stopped' } : { kind: 'exited', code });
        },
      });
      run.current = current;
      current.start(source, argv, t('python.threads'));
    },
    [bridge, print, t, upsertSocket],
  );

  const input = useCallback(
    (line: string) => {
      print('stdin', `${line}\n`);
      setStatus({ kind: 'running' });
      run.current?.input(line);
    },
    [print],
  );

  const stop = useCallback(() => run.current?.stop(), []);

  useEffect(() => {
    const leave = () => run.current?.stop();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, []);

  return { status, lines, start, input, stop, clear: () => setLines([]) };
}
