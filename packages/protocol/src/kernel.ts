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
  /** Linux's cap on every listen() backlog (net.core.somaxconn), when it could be read. */
  somaxconn: z.number().int().positive().optional(),
});
export type KernelSnapshot = z.infer<typeof KernelSnapshot>;
