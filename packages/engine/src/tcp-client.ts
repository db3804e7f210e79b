import { endpoint } from './endpoints.ts';
import { timedOut } from './errors.ts';
import type { Channel } from './event-stamper.ts';
import type { ReadinessBus } from './program-wait.ts';
import { clientSocket } from './socket-reading.ts';
import { TcpStream } from './tcp-stream.ts';

export interface ConnectTarget {
  host: string;
  port: number;
  timeoutMs: number;
}

/** A TCP stream that starts by connecting; `ready` settles with the outcome. */
export class TcpClient extends TcpStream {
  readonly #target: ConnectTarget;

  constructor(
    channel: Channel,
    target: ConnectTarget,
    recvSize: number,
    readingPaused: boolean,
    group?: string,
    program?: ReadinessBus,
  ) {
    super(
      channel,
      clientSocket,
      { remote: endpoint(target.host, target.port), recvSize, ...(group === undefined ? {} : { group }) },
      readingPaused,
      false,
      program,
    );
    this.#target = target;
  }

  protected override begin(): void {
    const { host, port, timeoutMs } = this.#target;
    this.setState('connecting');
    // Node has no connect timeout of its own; destroying with the error reports it like any other.
    const timer = setTimeout(() => this.socket.destroy(timedOut({ host, port, timeoutMs })), timeoutMs);
    this.socket.once('close', () => clearTimeout(timer));
    this.socket.once('connect', () => {
      clearTimeout(timer);
      const s = this.socket;
      this.info.local = endpoint(s.localAddress, s.localPort);
      this.info.remote = endpoint(s.remoteAddress, s.remotePort);
      this.channel.emit({ type: 'connected', local: this.info.local, remote: this.info.remote });
      this.setState('established');
      this.startReading();
      this.markReady();
    });
    try {
      this.socket.connect({ host, port });
    } catch (err) {
      // Invalid options throw synchronously; report them through 'error' and 'close' like a failed connect.
      this.socket.destroy(err as Error);
    }
  }
}
