import type { ReplyResult, SocketInfo } from '@playground/protocol';
import type { BridgeApi, CommandBody } from '../../bridge/client.ts';
import { type SocketEntry, socketKey } from '../../bridge/state.ts';
import type { PlaygroundStore } from '../../bridge/store.ts';

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

/** The sockets a demo talks through, reused while they are open so repeated runs do not pile up sockets. */
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
  private tcp: Pair | undefined;
  private udp: Pair | undefined;

  constructor(
    private readonly bridge: BridgeApi,
    private readonly store: PlaygroundStore,
  ) {}

  async run(demo: DemoId): Promise<DemoOutcome> {
    if (demo === 'udp') return this.udpDemo();
    const pair = await this.tcpPair();
    return demo === 'coalesce' ? this.coalesce(pair) : this.split(pair);
  }

  private async coalesce(pair: Pair): Promise<DemoOutcome> {
    await this.send({ type: 'socket.setRecvSize', socketId: pair.readerId, recvSize: 1024 });
    await this.send({ type: 'socket.setNoDelay', socketId: pair.clientId, noDelay: false });
    await this.send({ type: 'socket.pauseReading', socketId: pair.readerId, paused: true });
    const before = this.mark(pair.readerId);
    await this.send({
      type: 'socket.send',
      socketId: pair.clientId,
      data: { encoding: 'text', value: 'uno dos tres' },
      split: { chunkSize: 4, delayMs: 0 },
    });
    await sleep(BUSY_MS);
    await this.send({ type: 'socket.pauseReading', socketId: pair.readerId, paused: false });
    return this.settle(pair.readerId, before, 12);
  }

  private async split(pair: Pair): Promise<DemoOutcome> {
    await this.send({ type: 'socket.pauseReading', socketId: pair.readerId, paused: false });
    await this.send({ type: 'socket.setRecvSize', socketId: pair.readerId, recvSize: 16 });
    const before = this.mark(pair.readerId);
    await this.send({ type: 'socket.send', socketId: pair.clientId, data: { encoding: 'text', value: SPLIT_MESSAGE } });
    return this.settle(pair.readerId, before, SPLIT_MESSAGE.length);
  }

  private async udpDemo(): Promise<DemoOutcome> {
    const pair = await this.udpPair();
    await this.send({ type: 'socket.setRecvSize', socketId: pair.readerId, recvSize: 16 });
    await this.send({ type: 'socket.pauseReading', socketId: pair.readerId, paused: true });
    const before = this.mark(pair.readerId);
    const lostBefore = this.lost(pair.readerId);
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
    const outcome = await this.settle(pair.readerId, before, 12 + 16);
    return { ...outcome, lost: this.lost(pair.readerId) - lostBefore };
  }

  private async tcpPair(): Promise<Pair> {
    if (this.tcp && this.alive(this.tcp)) return this.tcp;
    const server = await this.open({
      type: 'tcp.listen',
      host: '127.0.0.1',
      port: 0,
      behaviour: 'none',
      recvSize: 1024,
    });
    const client = await this.open({ type: 'tcp.connect', host: '127.0.0.1', port: server.local?.port ?? 0 });
    const readerId = await this.acceptedBy(server.id);
    this.tcp = { serverId: server.id, clientId: client.id, readerId };
    return this.tcp;
  }

  private async udpPair(): Promise<Pair> {
    if (this.udp && this.alive(this.udp)) return this.udp;
    const server = await this.open({ type: 'udp.bind', host: '127.0.0.1', port: 0, behaviour: 'none', recvSize: 16 });
    const client = await this.open({
      type: 'udp.bind',
      host: '127.0.0.1',
      port: 0,
      remote: { host: '127.0.0.1', port: server.local?.port ?? 0 },
    });
    this.udp = { serverId: server.id, clientId: client.id, readerId: server.id };
    return this.udp;
  }

  /** The reader, selected in the inspector's ribbon so the result is what the learner sees first. */
  show(demo: DemoId): void {
    const pair = demo === 'udp' ? this.udp : this.tcp;
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

  private alive(pair: Pair): boolean {
    return [pair.clientId, pair.readerId].every((id) => {
      const entry = this.entry(id);
      return entry !== undefined && !entry.stale && (entry.state === 'established' || entry.state === 'bound');
    });
  }

  private reads(id: string): number {
    return this.entry(id)?.counters.reads ?? 0;
  }

  /** The reader's counters before a demo writes, to count what this run's writes became. */
  private mark(id: string): { reads: number; bytesIn: number } {
    const counters = this.entry(id)?.counters;
    return { reads: counters?.reads ?? 0, bytesIn: counters?.bytesIn ?? 0 };
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

  /** Waits until the reader has read `bytes` more bytes; resolves with how many reads that took. */
  private async settle(
    readerId: string,
    before: { reads: number; bytesIn: number },
    bytes: number,
  ): Promise<DemoOutcome> {
    for (let waited = 0; waited < 5000; waited += 25) {
      const entry = this.entry(readerId);
      if (entry && entry.counters.bytesIn - before.bytesIn >= bytes) break;
      await sleep(25);
    }
    return { reads: this.reads(readerId) - before.reads };
  }
}
