import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Helper processes talk to the runner over Node's IPC channel: one request, one response.
 * Servers and load generators live in their own processes so that neither side's event loop is the
 * other's bottleneck, and so that a server's RSS is its own.
 */
interface Request {
  id: number;
  op: string;
  args: unknown;
}

interface Response {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: each handler validates its own arguments' shape by use.
export type Handlers = Record<string, (args: any) => unknown>;

/** Runs inside a helper: answers the runner's requests until the runner goes away. */
export function serve(handlers: Handlers): void {
  process.on('message', async (raw) => {
    const req = raw as Request;
    const handler = handlers[req.op];
    let res: Response;
    try {
      if (!handler) throw new Error(`unknown op ${req.op}`);
      res = { id: req.id, ok: true, result: await handler(req.args) };
    } catch (err) {
      res = { id: req.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
    process.send?.(res);
  });
  // An orphaned helper would keep its sockets and CPU; it ends with the runner.
  process.on('disconnect', () => process.exit(0));
}

/** `BENCH_CPU_PROF=<dir>` profiles every helper (read them with bench/profile-top.ts), for finding out why a target was missed. */
function execArgv(): string[] {
  const args = ['--import', 'tsx', '--expose-gc'];
  const profDir = process.env.BENCH_CPU_PROF;
  if (profDir) args.push('--cpu-prof', `--cpu-prof-dir=${profDir}`);
  // e.g. `--perf-basic-prof` so that `perf record` can name JavaScript functions.
  if (process.env.BENCH_NODE_FLAGS) args.push(...process.env.BENCH_NODE_FLAGS.split(' ').filter(Boolean));
  return args;
}

export class Child {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private exited = false;

  private constructor(
    readonly name: string,
    private readonly proc: ChildProcess,
  ) {
    proc.on('message', (raw) => {
      const res = raw as Response;
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      if (res.ok) p.resolve(res.result);
      else p.reject(new Error(`${name}: ${res.error}`));
    });
    proc.on('exit', (code, signal) => {
      this.exited = true;
      for (const p of this.pending.values()) p.reject(new Error(`${name} exited (${code ?? signal})`));
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.proc.pid ?? -1;
  }

  /** Starts `bench/lib/<script>` under tsx; `name` labels its errors. */
  static async spawn(script: string, name: string): Promise<Child> {
    const path = fileURLToPath(new URL(script, import.meta.url));
    const proc = fork(path, [name], { execArgv: execArgv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const child = new Child(name, proc);
    await child.call('ping', {}, 30_000);
    return child;
  }

  /** Every call has a deadline, so a wedged helper fails the benchmark instead of hanging the suite. */
  call<T>(op: string, args: unknown, timeoutMs: number): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`${this.name} is not running`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name}: ${op} did not finish within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.proc.send({ id, op, args } satisfies Request);
    });
  }

  /** Asks politely (so --cpu-prof can write its profile), then insists. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    this.proc.disconnect();
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  }
}
