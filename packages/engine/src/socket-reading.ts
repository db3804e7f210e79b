import { Socket, type SocketConstructorOpts } from 'node:net';

/**
 * Every socket reads into this one buffer: read callbacks run one at a time, and whatever is kept is
 * copied out first. 64 KiB, as libuv reads by default.
 */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

export type ChunkSink = (chunk: Buffer) => void;

type OnRead = NonNullable<SocketConstructorOpts['onread']>;

/**
 * Sockets that read through `onread` instead of 'data' events, because only those stop reading
 * from the kernel the moment they are paused. A plain net.Socket keeps reading into Node's own
 * buffer while paused, so unread bytes never show in the kernel's Recv-Q, and on resume each chunk
 * Node had read comes out as a read of its own (5, 5, 5) where a late recv(1024) returns all 15.
 */
function onRead(sink: ChunkSink): OnRead {
  return {
    buffer: READ_BUFFER,
    callback: (nread: number) => {
      // A copy of its own: events keep their bytes after the buffer is reused by the next read.
      const chunk = Buffer.allocUnsafeSlow(nread);
      READ_BUFFER.copy(chunk, 0, 0, nread);
      sink(chunk);
      // Reading stops by pause(), when the stream says so, not by this answer.
      return true;
    },
  };
}

/** A client socket, not reading once connected until told to (TcpStream.startReading). */
export function clientSocket(sink: ChunkSink): Socket {
  const socket = new Socket({ allowHalfOpen: true, onread: onRead(sink) });
  socket.pause();
  return socket;
}

interface WithHandle {
  _handle: unknown;
}

/**
 * A connection net.Server accepted, made into a socket that reads through `onread` (a server has no
 * such option). The server must use pauseOnConnect, so the accepted socket has read nothing: its
 * handle moves to the new socket, and the emptied one is destroyed so the server stops counting it.
 * The new socket does not read until told to (TcpStream.startReading).
 */
export function acceptedSocket(accepted: Socket, sink: ChunkSink): Socket {
  const handle = (accepted as unknown as WithHandle)._handle;
  (accepted as unknown as WithHandle)._handle = null;
  accepted.destroy();
  const options = { handle, allowHalfOpen: true, readable: true, writable: true, pauseOnCreate: true };
  return new Socket({ ...options, onread: onRead(sink) } as SocketConstructorOpts);
}
