import { createSocket } from 'node:dgram';
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { WebSocketServer } from 'ws';

/**
 * The baselines: what plain Node does with no playground in between. They are written the way a
 * careful Node programmer would (backpressure honoured, nothing logged), so a ratio against them is
 * the price of the playground and not of a sloppy baseline.
 */

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Writes back whatever arrives as the seeds' `data = conn.recv(N); conn.sendall(data)` loop does:
 * a write per piece of at most `recvSize` bytes (the engine's echo does the same work); stops
 * reading while its own writes are backed up. Socket options are Node's defaults (Nagle on), the
 * same as the engine's sockets.
 */
function echoOn(socket: Socket, recvSize: number): void {
  socket.on('data', (chunk: Buffer) => {
    let backedUp = false;
    for (let at = 0; at < chunk.length; at += recvSize) {
      if (!socket.write(chunk.subarray(at, at + recvSize))) backedUp = true;
    }
    if (backedUp) {
      socket.pause();
      socket.once('drain', () => socket.resume());
    }
  });
  socket.on('end', () => socket.end());
  socket.on('error', () => socket.destroy());
}

/** A read is at most 64 KiB, so the default writes each read back whole. */
export async function bareTcpEcho(recvSize = 65536): Promise<{ port: number; close(): void }> {
  const server = createServer({ allowHalfOpen: true }, (socket) => echoOn(socket, recvSize));
  const port = await listen(server);
  return { port, close: () => server.close() };
}

export async function bareUdpEcho(): Promise<{ port: number; close(): void }> {
  const socket = createSocket('udp4');
  socket.on('message', (msg, rinfo) => socket.send(msg, rinfo.port, rinfo.address));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, close: () => socket.close() };
}

/**
 * The least a WebSocket→TCP bridge can do: each text message is written to a TCP connection (to a
 * bare echo server in the same process, as the playground's echo server is in the bridge's process)
 * and each chunk read back goes out as one WebSocket message. The latency benchmark's baseline.
 */
export async function bareRelay(): Promise<{ port: number; close(): void }> {
  const echo = await bareTcpEcho();
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (ws) => {
    const tcp = connect(echo.port, '127.0.0.1');
    tcp.on('data', (chunk: Buffer) => ws.send(chunk.toString('latin1')));
    tcp.on('error', () => ws.close());
    ws.on('message', (data: Buffer) => tcp.write(data));
    ws.on('close', () => tcp.destroy());
  });
  return {
    port: (wss.address() as AddressInfo).port,
    close: () => {
      wss.close();
      echo.close();
    },
  };
}
