/** What the page and its Python worker say to each other (python.worker.ts, pythonRun.ts). */

export interface RunRequest {
  type: 'run';
  source: string;
  argv: string[];
  /** The `threading` message in the page's language. */
  threadsMessage: string;
  replies: SharedArrayBuffer;
}

/** A blocking request: the worker sleeps until the page answers in `replies`. */
export type WorkerRequest = { op: 'command'; command: Record<string, unknown> } | { op: 'input' };

export type WorkerMessage =
  | { type: 'loaded' }
  | { type: 'output'; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'request'; request: WorkerRequest }
  | { type: 'exit'; code: number }
  | { type: 'failed'; message: string };
