import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readKernelTcpTable } from '../../src/kernel/tcp-table.ts';

/**
 * The kernel's side of a connection, for tests that compare witnesses: iproute2's `ss` and the OS
 * view's own /proc/net/tcp reader. Either may be missing; each test says why it skips.
 */
function has(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const hasSs = process.platform === 'linux' && has('ss', ['-V']);

/** Recv-Q of the connection from `local` to `remote` port as `ss -tn` prints it; undefined if there is none. */
export function ssRecvQueue(localPort: number, remotePort: number): number | undefined {
  const out = execFileSync('ss', ['-tnH', `( sport = :${localPort} and dport = :${remotePort} )`], {
    encoding: 'utf8',
  });
  // State, Recv-Q, Send-Q, local, peer.
  const fields = out.trim().split(/\s+/);
  return fields.length >= 5 ? Number(fields[1]) : undefined;
}

/** The same from /proc/net/tcp, as the page's OS view reads it. */
export async function procRecvQueue(localPort: number, remotePort: number): Promise<number | undefined> {
  const table = await readKernelTcpTable();
  if (!table.available) return undefined;
  return table.sockets.find((s) => s.local.port === localPort && s.remote.port === remotePort)?.recvQueue;
}

export interface Segment {
  from: number;
  to: number;
  flags: string;
  length: number;
}

export interface Capture {
  /** Stops capturing and returns what was seen, in order. */
  stop(): Promise<Segment[]>;
}

const LINE = /IP6? \S+?\.(\d+) > \S+?\.(\d+): Flags \[([^\]]*)\].* length (\d+)/;

/**
 * tcpdump on loopback for the TCP segments of `port` (either direction), or the reason it cannot
 * run here (not installed, not allowed to capture). The wire witness: what a `send` became.
 */
export async function startCapture(port: number): Promise<Capture | string> {
  if (process.platform !== 'linux') return `captures need Linux's loopback device, not ${process.platform}`;
  if (!has('tcpdump', ['--version'])) return 'tcpdump is not installed (apt-get install -y tcpdump)';
  const child: ChildProcess = spawn('tcpdump', ['-i', 'lo', '-nn', '-l', '-U', `tcp port ${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (t: string) => {
    out += t;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const listening = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 5000);
    child.stderr?.setEncoding('utf8').on('data', (t: string) => {
      err += t;
      if (err.includes('listening on')) {
        clearTimeout(timer);
        resolve(true);
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  if (!listening) {
    child.kill();
    await exited;
    return `tcpdump could not capture on lo: ${err.trim().split('\n').at(-1) ?? 'no answer within 5 s'}`;
  }
  return {
    stop: async () => {
      // Give the last packets time to be printed before asking tcpdump to stop.
      await new Promise((resolve) => setTimeout(resolve, 200));
      child.kill('SIGINT');
      await exited;
      return out.split('\n').flatMap((line) => {
        const m = LINE.exec(line);
        return m ? [{ from: Number(m[1]), to: Number(m[2]), flags: m[3] as string, length: Number(m[4]) }] : [];
      });
    },
  };
}
