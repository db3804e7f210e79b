import type { ConditionsSettings, EventBatch, SocketInfo } from '@playground/protocol';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BatchTap } from '../../../bridge/batchTap.ts';
import type { BridgeApi } from '../../../bridge/client.ts';
import type { ErrorCodeInfo } from '../../../store/state.ts';
import { storeContext, useStoreApi, useStoreState } from '../../../store/storeContext.ts';
import { base64Text, errorInfo, LabSockets, waitUntil } from '../../netlab/model/labSockets.ts';
import type { Lab } from '../../netlab/model/useStartLab.ts';
import { type Arrival, analyzeLane, type LaneResult, LineCutter, messageNumber, messageText } from './analyze.ts';

export const MAX_COMPARE_MESSAGES = 1000;
/** A split send finishes within a minute (MAX_SPLIT_DURATION_MS), so count × interval stays below it. */
export const MAX_COMPARE_DURATION_MS = 60_000;
/** After the last message, TCP gets this long at most to deliver what it still holds. */
const MAX_SETTLE_MS = 20_000;
const PUBLISH_EVERY_MS = 100;

export interface CompareConfig {
  count: number;
  intervalMs: number;
}

export type RunStatus = 'idle' | 'preparing' | 'sending' | 'settling' | 'done' | 'failed';

export interface RunSockets {
  tcpServer: string;
  udpServer: string;
  tcpRelay: string;
  udpRelay: string;
  tcpClient: string;
  udpClient: string;
}

export interface CompareData {
  config: CompareConfig;
  status: RunStatus;
  error: ErrorCodeInfo | null;
  /** The settings and seed the run started with (they may change while it runs). */
  settings: ConditionsSettings | null;
  seed: number | null;
  sockets: RunSockets | null;
  tcp: LaneResult | null;
  udp: LaneResult | null;
  /** Events the bridge folded during the run: the lanes may then miss messages that did arrive. */
  folded: number;
}

export interface CompareState extends CompareData, Lab {
  setConfig(config: CompareConfig): void;
  /** The relays of the run in progress, so live changes of the conditions reach them. */
  activeRelays(): string[];
  /** Stops the run and closes what it opened; the results go. */
  reset(): Promise<void>;
}

export type CompareStore = StoreApi<CompareState>;

const NO_RUN = {
  status: 'idle',
  error: null,
  settings: null,
  seed: null,
  sockets: null,
  tcp: null,
  udp: null,
  folded: 0,
} satisfies Omit<CompareData, 'config'>;

/** The TCP vs UDP comparison: its settings, its results, and the one run that feeds them at a time. */
export function createCompareStore(tap: BatchTap): CompareStore {
  let current: CompareRun | null = null;
  const store = createStore<CompareState>()((set, get) => ({
    config: { count: 200, intervalMs: 10 },
    ...NO_RUN,
    setConfig: (config) => set({ config }),
    activeRelays() {
      const status = get().status;
      if (!current || status === 'done' || status === 'failed' || status === 'idle') return [];
      return current.relays();
    },
    async start(bridge, upsert, epoch, settings, seed) {
      const previous = current;
      const run = new CompareRun(store, tap, bridge, upsert, get().config, epoch);
      current = run;
      await previous?.retire();
      await run.run(settings, seed);
    },
    async reset() {
      const run = current;
      current = null;
      await run?.retire();
      set(NO_RUN);
    },
  }));
  return store;
}

export const CompareContext = storeContext<CompareState>('comparison');
export const useCompareStore = () => useStoreApi(CompareContext);
export const useCompare = <T>(selector: (state: CompareState) => T) => useStoreState(CompareContext, selector);

/** The delay after the last message within which a datagram can still come: delay, jitter, a hold, a retransmission. */
export function settleMs(s: ConditionsSettings, bytes: number): number {
  const queue = s.bandwidthKbps > 0 ? (bytes * 8) / s.bandwidthKbps : 0;
  return s.delayMs + s.jitterMs + Math.max(200, 2 * s.delayMs + 4 * s.jitterMs) + 250 + queue + 400;
}

interface Lane {
  sentAt: Map<number, number>;
  arrivals: Arrival[];
}

/**
 * One comparison: the same numbered messages, at the same pace, over TCP and over UDP, each through
 * its own relay with the same settings and seed, to a server that only observes. Latency is the
 * server's receive event minus the client's send event, both on the session's clock.
 */
class CompareRun {
  readonly #sockets: LabSockets;
  readonly #tcp: Lane = { sentAt: new Map(), arrivals: [] };
  readonly #udp: Lane = { sentAt: new Map(), arrivals: [] };
  readonly #cutter = new LineCutter();
  #ids: Partial<RunSockets> & { conn?: string } = {};
  #folded = 0;
  #finished = false;
  /** Another run took its place, or the lab was reset: it publishes no more. */
  #retired = false;
  #timer: ReturnType<typeof setInterval> | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(
    private readonly store: CompareStore,
    private readonly tap: BatchTap,
    private readonly bridge: BridgeApi,
    upsert: (info: SocketInfo) => void,
    private readonly config: CompareConfig,
    private readonly epoch: number,
  ) {
    this.#sockets = new LabSockets(bridge, upsert);
  }

  relays(): string[] {
    return [this.#ids.tcpRelay, this.#ids.udpRelay].filter((id): id is string => id !== undefined);
  }

  async retire(): Promise<void> {
    this.#retired = true;
    this.#stop();
    await this.#sockets.closeAll();
  }

  async run(settings: ConditionsSettings, seed: number): Promise<void> {
    const { count, intervalMs } = this.config;
    this.store.setState({
      status: 'preparing',
      error: null,
      settings,
      seed,
      tcp: null,
      udp: null,
      folded: 0,
      sockets: null,
    });
    this.#unsubscribe = this.tap.subscribe((batches, epoch) => this.#receive(batches, epoch));
    try {
      const host = '127.0.0.1';
      const tcpServer = await this.#sockets.open({
        type: 'tcp.listen',
        host,
        port: 0,
        behaviour: 'none',
        recvSize: 4096,
      });
      this.#ids.tcpServer = tcpServer.id;
      const udpServer = await this.#sockets.open({
        type: 'udp.bind',
        host,
        port: 0,
        behaviour: 'none',
        recvSize: 2048,
      });
      this.#ids.udpServer = udpServer.id;
      const relay = (transport: 'tcp' | 'udp', port: number) =>
        this.#sockets.open({ type: 'conditions.create', transport, target: { host, port }, settings, seed });
      const tcpRelay = await relay('tcp', tcpServer.local?.port ?? 0);
      this.#ids.tcpRelay = tcpRelay.id;
      const udpRelay = await relay('udp', udpServer.local?.port ?? 0);
      this.#ids.udpRelay = udpRelay.id;
      const tcpClient = await this.#sockets.open({ type: 'tcp.connect', host, port: tcpRelay.local?.port ?? 0 });
      this.#ids.tcpClient = tcpClient.id;
      const udpClient = await this.#sockets.open({
        type: 'udp.bind',
        host,
        port: 0,
        remote: { host, port: udpRelay.local?.port ?? 0 },
      });
      this.#ids.udpClient = udpClient.id;
      this.store.setState({ sockets: this.#ids as RunSockets });
      await waitUntil(() => this.#ids.conn !== undefined, 5000, 'the server to accept the TCP client');

      this.store.setState({ status: 'sending' });
      this.#timer = setInterval(() => this.#publish(), PUBLISH_EVERY_MS);
      const size = messageText(1).length;
      const value = Array.from({ length: count }, (_, i) => messageText(i + 1)).join('');
      const send = (socketId: string) =>
        this.bridge.send(
          {
            type: 'socket.send',
            socketId,
            data: { encoding: 'text', value },
            split: { chunkSize: size, delayMs: intervalMs },
          },
          { timeoutMs: count * intervalMs + 15_000 },
        );
      await Promise.all([send(tcpClient.id), send(udpClient.id)]);

      this.store.setState({ status: 'settling' });
      const quiet = settleMs(settings, value.length);
      const sentDone = Date.now();
      await waitUntil(
        () =>
          Date.now() - sentDone >= quiet &&
          (this.#tcp.arrivals.length >= count || Date.now() - sentDone >= MAX_SETTLE_MS),
        MAX_SETTLE_MS + quiet + 1000,
        'the last messages',
      );
      this.#finished = true;
      this.#stop();
      this.#publish();
      this.store.setState({ status: 'done' });
    } catch (caught) {
      this.#stop();
      this.#finished = true;
      this.#publish();
      this.store.setState({ status: 'failed', error: errorInfo(caught) });
    }
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #receive(batches: readonly EventBatch[], epoch: number): void {
    if (epoch !== this.epoch) return;
    const ids = this.#ids;
    for (const batch of batches) {
      this.#folded += batch.folded;
      for (const e of batch.events) {
        const id = e.socketId;
        if (e.type === 'send' && id === ids.tcpClient) this.#sent(this.#tcp, e.data, e.t);
        else if (e.type === 'datagram-out' && id === ids.udpClient) this.#sent(this.#udp, e.data, e.t);
        else if (e.type === 'accept' && id === ids.tcpServer && ids.conn === undefined) ids.conn = e.connId;
        else if (e.type === 'recv' && id === ids.conn) {
          for (const line of this.#cutter.push(base64Text(e.data))) {
            const n = messageNumber(line);
            if (n !== null) this.#tcp.arrivals.push({ n, t: e.t });
          }
        } else if (e.type === 'datagram-in' && id === ids.udpServer) {
          const n = messageNumber(base64Text(e.data));
          if (n !== null) this.#udp.arrivals.push({ n, t: e.t });
        }
      }
    }
  }

  #sent(lane: Lane, data: string, t: number): void {
    const n = messageNumber(base64Text(data));
    if (n !== null && !lane.sentAt.has(n)) lane.sentAt.set(n, t);
  }

  #publish(): void {
    if (this.#retired) return;
    const { count } = this.config;
    this.store.setState({
      tcp: analyzeLane(count, this.#tcp.sentAt, this.#tcp.arrivals, this.#finished),
      udp: analyzeLane(count, this.#udp.sentAt, this.#udp.arrivals, this.#finished),
      folded: this.#folded,
    });
  }
}
