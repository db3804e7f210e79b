import type { ReplyResult, SocketInfo } from '@playground/protocol';
import type { BridgeApi, CommandBody } from '../../bridge/client.ts';
import { type SocketEntry, socketKey } from '../../store/state.ts';
import type { PlaygroundStore } from '../../store/store.ts';

export type DemoId = 'coalesce' | 'split' | 'udp';

/** What a demo reports when it is done: the numbers its "done" sentence needs. */
export interface DemoOutcome {
  reads: number;
  lost?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long the coalescing demo keeps the server from reading: long enough for three writes to land. */
export const BUSY_MS = 500;

const SPLIT_MESSAGE = 'hola mundo, this is a message longer than sixteen bytes';

/**
 * The sockets one run of a demo talks through. Every run gets its own, and the previous run's are
 * closed, so the reader's ribbon shows exactly this run's writes and reads.
 */
interface Pair {
  serverId: string;
  clientId: string;
  /** The socket whose reads the demo shows: the accepted connection, or the UDP server. */
  readerId: string;
}

/**
 * The scripted demonstrations, run with the same commands a learner could send by hand. They read
 * the store after each step because the accepted connection is only known once its events arrive.
 */
export class DemoRunner {
  private readonly pairs = new Map<DemoId, Pair>();

  constructor(
    private readonly bridge: BridgeApi,
    private readonly store: PlaygroundStore,
  ) {}

  async run(demo: DemoId): Promise<DemoOutcome> {
    await this.closePair(demo);
    // A fresh connection has Nagle on (Node's default); the split demo's server reads with recv(16).
    const pair = demo === 'udp' ? await this.udpPair() : await this.tcpPair(demo === 'split' ? 16 : 1024);
    this.pairs.set(demo, pair);
    if (demo === 'udp') return this.udpDemo(pair);
    return demo === 'coalesce' ? this.coalesce(pair) : this.split(pair);
  }

  /** The previous run's server and client; a server closes the connection it accepted with it. */
  private async closePair(demo: DemoId): Promise<void> {
    const pair = this.pairs.get(demo);
    this.pairs.delete(demo);
    if (!pair) return;
    for (const id of [pair.clientId, pair.serverId]) {
      const entry = this.entry(id);
      if (entry && entry.state !== 'closed' && !entry.stale) await this.send({ type: 'socket.close', socketId: id });
    }
  }

  private async coalesce(pair: Pair): Promise<DemoOutcome> {
    await this.send({ type: 'socket.pauseReading', socketId: pair.readerId, paused: true });
    await this.send({
      type: 'socket.send',
      socketId: pair.clientId,
      data: { encoding: 'text', value: 'uno dos tres' },
      split: { chunkSize: 4, delayMs: 0 },
    });
    await sleep(BUSY_MS);
    await this.send({ type: 'socket.pauseReading', socketId: pair.readerId, paused: false });
    return this.settle(pair.readerId, 12);
  }

  private async split(pair: Pair): Promise<DemoOutcome> {
    await this.send({ type: 'socket.send', socketId: pair.clientId, data: { encoding: 'text', value: SPLIT_MESSAGE } });
    return this.settle(pair.readerId, SPLIT_MESSAGE.length);
  }

  private async udpDemo(pair: Pair): Promise<DemoOutcome> {
    await this.send({ type: 'socket.pauseReading', socketId: pair.readerId, paused: true });
    await this.send({
      type: 'socket.send',
      socketId: pair.clientId,
      data: { encoding: 'text', value: 'uno dos tres' },
      split: { chunkSize: 4, delayMs: 0 },
    });
    await this.send({
      type: 'socket.send',
      socketId: pair.clientId,
      data: { encoding: 'text', value: 'a datagram longer than sixteen bytes' },
    });
    await sleep(BUSY_MS);
    await this.send({ type: 'socket.pauseReading', socketId: pair.readerId, paused: false });
    const outcome = await this.settle(pair.readerId, 12 + 16);
    return { ...outcome, lost: this.lost(pair.readerId) };
  }

  private async tcpPair(recvSize: number): Promise<Pair> {
    const server = await this.open({ type: 'tcp.listen', host: '127.0.0.1', port: 0, behaviour: 'none', recvSize });
    const client = await this.open({ type: 'tcp.connect', host: '127.0.0.1', port: server.local?.port ?? 0 });
    const readerId = await this.acceptedBy(server.id);
    return { serverId: server.id, clientId: client.id, readerId };
  }

  private async udpPair(): Promise<Pair> {
    const server = await this.open({ type: 'udp.bind', host: '127.0.0.1', port: 0, behaviour: 'none', recvSize: 16 });
    const client = await this.open({
      type: 'udp.bind',
      host: '127.0.0.1',
      port: 0,
      remote: { host: '127.0.0.1', port: server.local?.port ?? 0 },
    });
    return { serverId: server.id, clientId: client.id, readerId: server.id };
  }

  /** The reader, selected in the inspector's ribbon so the result is what the learner sees first. */
  show(demo: DemoId): void {
    const pair = this.pairs.get(demo);
    if (!pair) return;
    const state = this.store.getState();
    state.select(socketKey(state.epoch, pair.readerId), undefined);
    state.showDirection('received');
    state.showView('ribbon');
  }

  private entry(id: string): SocketEntry | undefined {
    const state = this.store.getState();
    return state.sockets[socketKey(state.epoch, id)];
  }

  private lost(id: string): number {
    const log = this.entry(id)?.received;
    if (!log) return 0;
    let lost = 0;
    for (let i = log.pieces.head; i < log.pieces.tail; i++) lost += log.pieces.items[i]?.lost ?? 0;
    return lost;
  }

  private async send(command: CommandBody): Promise<ReplyResult> {
    return this.bridge.send(command);
  }

  private async open(command: CommandBody): Promise<SocketInfo> {
    const { socket } = await this.send(command);
    if (!socket) throw new Error('the bridge did not return a socket');
    this.store.getState().upsertSocket(socket);
    return socket;
  }

  /** The connection a server accepted, once its events have reached the page. */
  private async acceptedBy(serverId: string): Promise<string> {
    for (let waited = 0; waited < 5000; waited += 25) {
      const child = this.entry(serverId)?.children[0];
      if (child) return child.slice(child.indexOf(':') + 1);
      await sleep(25);
    }
    throw new Error('the server did not report the connection');
  }

  /** Waits until the reader (fresh for this run) has read `bytes` bytes; resolves with how many reads that took. */
  private async settle(readerId: string, bytes: number): Promise<DemoOutcome> {
    for (let waited = 0; waited < 5000; waited += 25) {
      if ((this.entry(readerId)?.counters.bytesIn ?? 0) >= bytes) break;
      await sleep(25);
    }
    return { reads: this.entry(readerId)?.counters.reads ?? 0 };
  }
}
