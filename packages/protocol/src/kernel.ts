import { z } from 'zod';

/** The kernel's own TCP states, as netstat prints them (Linux names; NEW_SYN_RECV is Linux-only). */
export const KernelTcpState = z.enum([
  'ESTABLISHED',
  'SYN_SENT',
  'SYN_RECV',
  'FIN_WAIT1',
  'FIN_WAIT2',
  'TIME_WAIT',
  'CLOSE',
  'CLOSE_WAIT',
  'LAST_ACK',
  'LISTEN',
  'CLOSING',
  'NEW_SYN_RECV',
]);
export type KernelTcpState = z.infer<typeof KernelTcpState>;

/** `playground`: the session's own sockets and their peers. `ports`: every socket on the host using the same ports. */
export const KernelWatchScope = z.enum(['playground', 'ports']);
export type KernelWatchScope = z.infer<typeof KernelWatchScope>;

/** Rows one `kernel` message carries at most; the rest are counted in `truncated`. */
export const MAX_KERNEL_ROWS = 500;

const count = z.number().int().nonnegative();
const ms = z.number().nonnegative();

/**
 * The kernel's TCP internals of one connection (struct tcp_info), as `ss -tin` prints them; no root
 * needed. A field is absent when the kernel did not report it (e.g. no RTT before any ACK).
 */
export const TcpInfo = z.object({
  /** Congestion control algorithm: `cubic`, `bbr`, `reno`… */
  congestion: z.string().max(32).optional(),
  /** Smoothed round-trip time and its variation, milliseconds. */
  rttMs: ms.optional(),
  rttVarMs: ms.optional(),
  minRttMs: ms.optional(),
  /** Retransmission timeout, milliseconds. */
  rtoMs: ms.optional(),
  /** Maximum segment size this end sends. */
  mss: count.optional(),
  /** Congestion window, in segments, and the slow-start threshold. */
  cwnd: count.optional(),
  ssthresh: count.optional(),
  /** Window scale shifts: what this end's windows are multiplied by (2^snd, 2^rcv). */
  wscale: z.object({ send: count, receive: count }).optional(),
  bytesSent: count.optional(),
  /** Bytes the peer acknowledged (counts the SYN: one more than the data). */
  bytesAcked: count.optional(),
  bytesReceived: count.optional(),
  segsIn: count.optional(),
  segsOut: count.optional(),
  dataSegsIn: count.optional(),
  dataSegsOut: count.optional(),
  /** Segments waiting to be retransmitted now, and retransmissions in the connection's life. */
  retrans: count.optional(),
  retransTotal: count.optional(),
  /** Segments sent and not yet acknowledged; segments considered lost. */
  unacked: count.optional(),
  lost: count.optional(),
  /** The window the peer last advertised: how much this end may send beyond what was acknowledged. */
  sendWindow: count.optional(),
  /** The window this end advertises (newer kernels only), else its receive-space estimate. */
  receiveWindow: count.optional(),
  receiveSpace: count.optional(),
  /** Bytes written by the program but not yet sent. */
  notSent: count.optional(),
  /** Delivery rate, bits per second: how fast data has been acknowledged lately. */
  deliveryRateBps: count.optional(),
  /** Milliseconds spent limited by the peer's receive window (it read too slowly). */
  receiveWindowLimitedMs: count.optional(),
});
export type TcpInfo = z.infer<typeof TcpInfo>;

const KernelAddress = z.object({ address: z.string(), port: z.number().int().min(0).max(65535) });

/** One row of the kernel's TCP table, as `netstat -tan` prints it. */
export const KernelRow = z.object({
  family: z.enum(['IPv4', 'IPv6']),
  local: KernelAddress,
  remote: KernelAddress,
  state: KernelTcpState,
  /** Bytes sent but not yet acknowledged by the peer (0 on LISTEN rows: /proc/net/tcp does not give the backlog). */
  sendQueue: z.number().int().nonnegative(),
  /** Bytes received but not yet read by the program; on a LISTEN row, connections waiting for accept(). */
  recvQueue: z.number().int().nonnegative(),
  inode: z.number().int().nonnegative(),
  /** The session's socket this row is, matched by its addresses; absent for sockets outside the playground. */
  socketId: z.string().min(1).max(64).optional(),
  /** TCP internals from `ss -tin`, for the playground's connections, sampled while the view is open. */
  tcp: TcpInfo.optional(),
});
export type KernelRow = z.infer<typeof KernelRow>;

/** The kernel's view, sent while watched and only when it changed. */
export const KernelSnapshot = z.object({
  type: z.literal('kernel'),
  /** False where the table cannot be read (e.g. not Linux); `reason` says why. */
  available: z.boolean(),
  reason: z.string().optional(),
  /** Where the rows came from, e.g. `/proc/net/tcp, /proc/net/tcp6`. */
  source: z.string().optional(),
  /** When it was read, on the events' clock (ms since the session started). */
  t: z.number().nonnegative(),
  scope: KernelWatchScope,
  rows: z.array(KernelRow).max(MAX_KERNEL_ROWS),
  /** Rows left out beyond MAX_KERNEL_ROWS. */
  truncated: z.number().int().nonnegative(),
  /** Where `tcp` came from (`ss -tin`), or why no row has it (e.g. iproute2's ss is missing). */
  tcpInfo: z
    .object({ available: z.boolean(), source: z.string().optional(), reason: z.string().optional() })
    .optional(),
  /** Linux's cap on every listen() backlog (net.core.somaxconn), when it could be read. */
  somaxconn: z.number().int().positive().optional(),
});
export type KernelSnapshot = z.infer<typeof KernelSnapshot>;
