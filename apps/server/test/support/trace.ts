import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type BridgeToTracer,
  PROTOCOL_VERSION,
  type ProgramCall,
  type ProgramMessage,
  type SocketEvent,
  type TraceCall,
  type TracerMessage,
} from '@playground/protocol';
import type { BridgeTestClient } from '@playground/testkit';
import WebSocket from 'ws';
import type { Playground } from '../../src/index.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
export const TRACE_CLI = `${root}packages/trace/src/cli.ts`;
/** The seeds' servers (Python 3 fixes only) and the docs' clients. */
export const SEEDS = `${root}packages/trace/test/fixtures/seeds/`;
/** The seeds' servers the page's Python panel offers too: one copy, in docs/examples/python. */
export const SEED_EXAMPLES = `${root}docs/examples/python/`;
export const EXAMPLES = `${root}docs/examples/python/`;
export const MISTAKES = `${root}packages/trace/test/fixtures/mistakes/`;

/** The 1-based line of `file` that contains `text` (the first one), so tests never hard-code lines. */
export function lineOf(file: string, text: string, nth = 1): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  let seen = 0;
  const index = lines.findIndex((line) => line.includes(text) && ++seen === nth);
  if (index === -1) throw new Error(`"${text}" is not in ${file}`);
  return index + 1;
}

export async function traceCode(c: BridgeTestClient): Promise<string> {
  const result = await c.ok({ type: 'trace.code' });
  if (!result.trace) throw new Error('no trace code in the reply');
  return result.trace.code;
}

export interface TraceRun {
  child: ChildProcess;
  /** The trace command's exit status (the program's), with what it and the program printed. */
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** `trace --url … --code … -- args…`, as a learner types it, with its output kept for the test. */
export function runTrace(p: Playground, credential: string[], args: string[]): TraceRun {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.INIT_CWD;
  const child = spawn(process.execPath, ['--import', 'tsx', TRACE_CLI, '--url', p.url, ...credential, '--', ...args], {
    cwd: root,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, exited };
}

/** Traces `args` into the session of `c` with its page's code (and the trace command's `options`). */
export async function trace(
  p: Playground,
  c: BridgeTestClient,
  args: string[],
  options: string[] = [],
): Promise<TraceRun> {
  return runTrace(p, ['--code', await traceCode(c), ...options], args);
}

export function programMessages(c: BridgeTestClient): ProgramMessage[] {
  return c.notices.filter((m): m is ProgramMessage => m.type === 'program');
}

export function waitForProgram(c: BridgeTestClient, status: ProgramMessage['status'], timeoutMs = 20_000) {
  return c.waitFor(() => programMessages(c).some((m) => m.status === status), timeoutMs, `a program ${status}`);
}

/** A program's events as the calls behind them: what the log shows. */
export interface SeenCall {
  socketId: string;
  type: SocketEvent['type'];
  fn: string;
  args: string;
  line: number | undefined;
  thread: string | undefined;
  size: number | undefined;
  call: ProgramCall;
}

export function programCalls(c: BridgeTestClient): SeenCall[] {
  return c.events.flatMap((e) =>
    e.call
      ? [
          {
            socketId: e.socketId,
            type: e.type,
            fn: e.call.fn,
            args: e.call.args,
            line: e.call.line,
            thread: e.call.thread,
            size: 'size' in e ? e.size : undefined,
            call: e.call,
          },
        ]
      : [],
  );
}

export function hints(c: BridgeTestClient) {
  return c.events.flatMap((e) => (e.type === 'hint' ? [{ socketId: e.socketId, ...e.hint }] : []));
}

/** A tracer speaking the `/trace` protocol by hand, for the bridge's checks and limits. */
export class FakeTracer {
  readonly messages: BridgeToTracer[] = [];
  readonly closed: Promise<number>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.messages.push(JSON.parse(data.toString()) as BridgeToTracer));
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
  }

  /** Rejects with `HTTP <status>: <reason>` when the bridge refuses the upgrade. */
  static open(p: Playground, query: string, headers: Record<string, string> = {}): Promise<FakeTracer> {
    const ws = new WebSocket(`ws://127.0.0.1:${p.port}/trace?${query}`, { headers, perMessageDeflate: false });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new FakeTracer(ws)));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (d: Buffer) => {
          body += d.toString();
        });
        res.on('end', () => reject(new Error(`HTTP ${res.statusCode}: ${body}`)));
      });
    });
  }

  send(message: TracerMessage | Record<string, unknown>): void {
    this.ws.send(JSON.stringify(message));
  }

  /** `clock`: the tracer's clock now; `monotonicOffset`: that clock minus this computer's monotonic one. */
  hello(name = 'fake.py', clocks: { clock: number; monotonicOffset?: number } = { clock: 0 }): void {
    this.send({
      type: 'hello',
      protocolVersion: PROTOCOL_VERSION,
      tracer: 'python',
      name,
      command: `python3 ${name}`,
      ...clocks,
    });
  }

  async attached(timeoutMs = 5000): Promise<BridgeToTracer> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const first = this.messages[0];
      if (first) return first;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('no answer to hello');
  }

  calls(calls: Array<Partial<TraceCall> & Pick<TraceCall, 'sock' | 'op' | 'fn'>>): void {
    this.send({ type: 'calls', calls: calls.map((c) => ({ t: 0, args: '', ...c })) });
  }
}
