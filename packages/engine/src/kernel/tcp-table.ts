import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { parseMacNetstat } from './netstat-macos.ts';
import { parseGetNetTcpConnection, parseWindowsNetstat } from './netstat-windows.ts';
import { type KernelTcpSocket, parseProcNetTcp } from './proc-net-tcp.ts';

export type KernelTableResult =
  | { available: true; source: string; sockets: KernelTcpSocket[] }
  | { available: false; reason: string };

/**
 * Reads the kernel's TCP table with the platform's own means: /proc/net/tcp on Linux, `netstat` on
 * macOS and Windows (PowerShell's Get-NetTCPConnection on a Windows whose netstat speaks another
 * language). Elsewhere the view says plainly that it is not available instead of guessing states
 * from the socket API. Calls made while a read is running share it, so however many pages watch,
 * at most one netstat runs at a time.
 */
export function readKernelTcpTable(): Promise<KernelTableResult> {
  inFlight ??= readForPlatform().finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}

let inFlight: Promise<KernelTableResult> | undefined;

function readForPlatform(): Promise<KernelTableResult> {
  switch (process.platform) {
    case 'linux':
      return readProc();
    case 'darwin':
      return readMacOs();
    case 'win32':
      return readWindows();
    default:
      return Promise.resolve({
        available: false,
        reason: `The kernel's socket table is read on Linux, macOS and Windows; this is ${process.platform}.`,
      });
  }
}

async function readProc(): Promise<KernelTableResult> {
  const [v4, v6] = await Promise.all([readOrEmpty('/proc/net/tcp'), readOrEmpty('/proc/net/tcp6')]);
  if (v4 === undefined && v6 === undefined) {
    return { available: false, reason: '/proc/net/tcp could not be read on this machine.' };
  }
  return {
    available: true,
    source: '/proc/net/tcp, /proc/net/tcp6',
    sockets: [...parseProcNetTcp(v4 ?? '', 'IPv4'), ...parseProcNetTcp(v6 ?? '', 'IPv6')],
  };
}

async function readMacOs(): Promise<KernelTableResult> {
  const source = 'netstat -an -p tcp';
  const out = await run('netstat', ['-an', '-p', 'tcp']);
  if (out.error) return { available: false, reason: `${source} did not run: ${out.error}` };
  return { available: true, source, sockets: parseMacNetstat(out.stdout) };
}

/** Set once netstat turned out to print translated states: every later read asks PowerShell directly. */
let netstatTranslated = false;

async function readWindows(): Promise<KernelTableResult> {
  if (netstatTranslated) return readGetNetTcpConnection('');
  const source = 'netstat -ano -p TCP, netstat -ano -p TCPv6';
  const [v4, v6] = await Promise.all([run('netstat', ['-ano', '-p', 'TCP']), run('netstat', ['-ano', '-p', 'TCPv6'])]);
  const error = v4.error ?? v6.error;
  const parsed = parseWindowsNetstat(`${v4.stdout}\n${v6.stdout}`);
  if (error === undefined && parsed.unknownStates.length === 0)
    return { available: true, source, sockets: parsed.rows };
  const why = error ?? `it printed states it does not know: ${parsed.unknownStates.slice(0, 3).join(', ')}`;
  const result = await readGetNetTcpConnection(`netstat could not be used (${why}) and `);
  if (result.available && error === undefined) netstatTranslated = true;
  return result;
}

async function readGetNetTcpConnection(before: string): Promise<KernelTableResult> {
  const ps = await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', GET_NET_TCP_CONNECTION]);
  if (ps.error)
    return { available: false, reason: `${before}PowerShell's Get-NetTCPConnection did not run: ${ps.error}` };
  return { available: true, source: 'Get-NetTCPConnection', sockets: parseGetNetTcpConnection(ps.stdout) };
}

const GET_NET_TCP_CONNECTION =
  'Get-NetTCPConnection | Select-Object LocalAddress,LocalPort,RemoteAddress,RemotePort,State | ConvertTo-Csv -NoTypeInformation';

/** Runs a tool without a shell, bounded in time and output; failure is a message, never a throw. */
function run(file: string, args: string[]): Promise<{ stdout: string; error?: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: 5000, maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (err, stdout) => {
      resolve(err ? { stdout: '', error: err.message.split('\n')[0] } : { stdout });
    });
  });
}

async function readOrEmpty(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The rows that touch any of these ports, locally or remotely: the playground's sockets and their peers. */
export function socketsOnPorts(sockets: KernelTcpSocket[], ports: ReadonlySet<number>): KernelTcpSocket[] {
  return sockets.filter((s) => ports.has(s.local.port) || ports.has(s.remote.port));
}
