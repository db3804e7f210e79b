import { BridgeError } from '../errors/bridge-error.ts';

/**
 * Bounds the bytes a session's sends may leave waiting in Node when a peer does not read. A send
 * is "waiting" from the moment it is handed to the socket until Node has passed it to the kernel;
 * once the kernel's buffers are full that is exactly the memory a stalled peer pins. One send is
 * always let through when nothing waits, so a message up to maxMessageBytes can never be stuck.
 */
export class SendBuffer {
  private total = 0;
  private readonly perSocket = new Map<string, number>();

  constructor(private readonly max: number) {}

  async track<T>(socketId: string, size: number, send: () => Promise<T>): Promise<T> {
    this.check(socketId, size);
    this.add(socketId, size);
    try {
      return await send();
    } finally {
      this.add(socketId, -size);
    }
  }

  private check(socketId: string, size: number): void {
    if (this.total === 0 || this.total + size <= this.max) return;
    const own = this.perSocket.get(socketId) ?? 0;
    const params = { limit: 'maxSendBufferBytes', max: this.max, socketId } as const;
    if (own > 0) throw new BridgeError('quota.sendBufferSocket', { ...params, waiting: own, scope: 'socket' });
    throw new BridgeError('quota.sendBufferSession', { ...params, waiting: this.total, scope: 'session' });
  }

  private add(socketId: string, delta: number): void {
    this.total += delta;
    const next = (this.perSocket.get(socketId) ?? 0) + delta;
    if (next === 0) this.perSocket.delete(socketId);
    else this.perSocket.set(socketId, next);
  }
}
