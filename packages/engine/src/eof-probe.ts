import { readSync } from 'node:fs';
import type { Socket } from 'node:net';

const PROBE = Buffer.alloc(1);

interface WithFd {
  _handle?: { fd?: unknown } | null;
}

/**
 * Node reports the end of the stream for a FIN, and also, in most runs, for a reset that arrives
 * together with the last bytes: libuv sees POLLHUP after a short read and calls it the end without
 * reading again, where a program's next recv() fails with ECONNRESET. So the end is confirmed by
 * that very recv(): one more read of the socket returns 0 bytes after a FIN, and the pending error
 * after a reset (taking it, as Python's recv() does). Undefined means a FIN, or that the socket
 * cannot be asked (no file descriptor, as on Windows), and Node's word stands.
 */
export function errorAfterEof(socket: Socket): string | undefined {
  const fd = (socket as unknown as WithFd)._handle?.fd;
  if (typeof fd !== 'number' || fd < 0) return undefined;
  try {
    readSync(fd, PROBE, 0, 1, null);
    return undefined;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    // EAGAIN would mean the stream had not ended after all; Node's word stands then too.
    return typeof code === 'string' && code !== 'EAGAIN' ? code : undefined;
  }
}
