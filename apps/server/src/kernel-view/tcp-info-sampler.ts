import { readTcpInfo, type SsSocket, type TcpInfoResult } from '@playground/engine';
import type { KernelRow, KernelSnapshot, TcpInfo } from '@playground/protocol';

/** `ss` runs at most this often, however fast the table is polled: a process start per sample. */
export const TCP_INFO_MIN_INTERVAL_MS = 500;

const tuple = (local: { address: string; port: number }, remote: { address: string; port: number }) =>
  `${local.address.toLowerCase()}|${local.port}>${remote.address.toLowerCase()}|${remote.port}`;

export type TcpInfoStatus = NonNullable<KernelSnapshot['tcpInfo']>;

/**
 * The kernel's TCP internals (`ss -tin`) for the rows the OS view shows: sampled only while the
 * view polls, at most every TCP_INFO_MIN_INTERVAL_MS; between samples rows keep the last values.
 */
export class TcpInfoSampler {
  #last: Map<string, TcpInfo> = new Map();
  #lastAt = Number.NEGATIVE_INFINITY;
  #status: TcpInfoStatus | undefined;

  constructor(
    private readonly now: () => number,
    private readonly read: (ports: number[]) => Promise<TcpInfoResult> = readTcpInfo,
  ) {}

  /** Sets `tcp` on the connection rows (not LISTEN ones) the kernel reported internals for. */
  async attach(rows: KernelRow[]): Promise<TcpInfoStatus> {
    const connections = rows.filter((r) => r.state !== 'LISTEN');
    if (connections.length > 0 && this.now() - this.#lastAt >= TCP_INFO_MIN_INTERVAL_MS) {
      this.#lastAt = this.now();
      const ports = connections.flatMap((r) => [r.local.port, r.remote.port]);
      this.#take(await this.read(ports));
    }
    for (const row of connections) {
      const info = this.#last.get(tuple(row.local, row.remote));
      if (info) row.tcp = info;
    }
    return this.#status ?? { available: true, source: 'ss -tin' };
  }

  #take(result: TcpInfoResult): void {
    if (!result.available) {
      this.#status = { available: false, reason: result.reason };
      this.#last = new Map();
      return;
    }
    this.#status = { available: true, source: result.source };
    this.#last = new Map(result.sockets.map((s: SsSocket) => [tuple(s.local, s.remote), s.tcp]));
  }
}
