import { randomBytes } from 'node:crypto';
import net from 'node:net';

const TEXT = 0x1;
const PONG = 0xa;

/** One masked text frame, as a client must send it (RFC 6455 §5.3); `payload` is at most 64 KiB here. */
export function textFrame(payload: string): Buffer {
  return frame(TEXT, Buffer.from(payload));
}

/** A pong nobody asked for: any client can send one at any time (RFC 6455 §5.5.3). */
export function pongFrame(payload = Buffer.alloc(0)): Buffer {
  return frame(PONG, payload);
}

function frame(opcode: number, data: Buffer): Buffer {
  const mask = randomBytes(4);
  const first = 0x80 | opcode;
  const header =
    data.length < 126
      ? Buffer.from([first, 0x80 | data.length])
      : Buffer.from([first, 0x80 | 126, data.length >> 8, data.length & 255]);
  const body = Buffer.alloc(data.length);
  for (let i = 0; i < data.length; i++) body[i] = (data[i] as number) ^ (mask[i % 4] as number);
  return Buffer.concat([header, mask, body]);
}

/**
 * A WebSocket client made of a bare TCP socket: it sends the upgrade, waits for the 101, and from
 * then on never reads again (the socket is paused, so the kernel's buffers fill and the bridge's
 * writes to it pile up), as a page that sends commands and ignores every answer.
 */
export async function openDeafSession(
  port: number,
  token: string,
): Promise<{ socket: net.Socket; sendAll(buffer: Buffer, until: number): Promise<number> }> {
  const socket = net.connect({ host: '127.0.0.1', port });
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  socket.write(
    `GET /ws?token=${encodeURIComponent(token)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\n` +
      `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`,
  );
  const head = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer to the upgrade within 5 s')), 5000);
    socket.once('data', (chunk: Buffer) => {
      clearTimeout(timer);
      socket.pause();
      resolve(chunk.toString('latin1'));
    });
  });
  if (!head.startsWith('HTTP/1.1 101')) throw new Error(`upgrade refused: ${head.split('\r\n')[0]}`);
  return {
    socket,
    /** Writes `buffer` again and again, waiting whenever the socket is full, until `until` (performance.now()). Returns the bytes written. */
    async sendAll(buffer: Buffer, until: number): Promise<number> {
      let written = 0;
      while (performance.now() < until && !socket.destroyed) {
        written += buffer.length;
        if (socket.write(buffer)) continue;
        const left = until - performance.now();
        if (left <= 0) break;
        await new Promise<void>((resolve) => {
          const done = (): void => {
            clearTimeout(timer);
            socket.off('drain', done);
            resolve();
          };
          const timer = setTimeout(done, Math.min(left, 250));
          socket.on('drain', done);
        });
      }
      return written;
    },
  };
}
