import { access, constants } from 'node:fs/promises';
import { basename, delimiter, join } from 'node:path';

export interface CaptureToolConfig {
  /** The tool's name or path: `tcpdump`, looked up on PATH and in the sbin folders. */
  tool: string;
  /** Where the playground's sockets talk: the loopback interface by default. */
  interface: string | undefined;
  /** Bytes of each packet kept: the headers and the start of the payload. */
  snaplen: number;
}

/** The loopback interface's name on systems with tcpdump; Windows has none (Npcap names it differently). */
export function loopbackInterface(platform: NodeJS.Platform): string | undefined {
  if (platform === 'linux') return 'lo';
  if (platform === 'darwin' || platform === 'freebsd' || platform === 'openbsd' || platform === 'netbsd') return 'lo0';
  return undefined;
}

/**
 * tcpdump writing a classic pcap stream to stdout: `-U` writes each packet (and the file header)
 * at once, `--immediate-mode` hands each packet over at once, `-n` never resolves names, `-s`
 * keeps the snap length. With `blocks` (a flood) the kernel hands packets over in blocks instead,
 * up to a second late, which spares waking tcpdump (and the bridge) for every packet.
 */
export function tcpdumpArgs(iface: string, snaplen: number, filter: string, blocks = false): string[] {
  const immediate = blocks ? [] : ['--immediate-mode'];
  return ['-i', iface, '-n', '-s', String(snaplen), '-U', ...immediate, '-w', '-', filter];
}

/** Wireshark's dumpcap (on Windows with Npcap, or wherever tcpdump is missing): `-P` writes pcap, not pcapng. */
export function dumpcapArgs(iface: string, snaplen: number, filter: string): string[] {
  return ['-i', iface, '-f', filter, '-s', String(snaplen), '-w', '-', '-P', '-q'];
}

/** The arguments for the tool at `path`, by its name (dumpcap always hands packets over in blocks). */
export function captureArgs(path: string, iface: string, snaplen: number, filter: string, blocks = false): string[] {
  const name = basename(path).toLowerCase();
  return name.startsWith('dumpcap') ? dumpcapArgs(iface, snaplen, filter) : tcpdumpArgs(iface, snaplen, filter, blocks);
}

/** tcpdump when installed, else Wireshark's dumpcap (what a Wireshark install brings, on Windows too). */
export async function findCaptureTool(tool: string): Promise<string | undefined> {
  const found = await findTool(tool);
  if (found || tool !== 'tcpdump') return found;
  return (await findTool('dumpcap')) ?? (process.platform === 'win32' ? findTool('dumpcap.exe') : undefined);
}

/** tcpdump usually lives in an sbin folder that a user's PATH may not list. */
const EXTRA_DIRS = ['/usr/sbin', '/sbin', '/usr/local/sbin', '/usr/bin', '/opt/homebrew/sbin', '/opt/homebrew/bin'];

/** The tool's full path, or undefined when it is not installed. */
export async function findTool(tool: string, path = process.env.PATH ?? ''): Promise<string | undefined> {
  const candidates = tool.includes('/') ? [tool] : [...path.split(delimiter), ...EXTRA_DIRS].map((d) => join(d, tool));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here; the next folder may have it.
    }
  }
  return undefined;
}
