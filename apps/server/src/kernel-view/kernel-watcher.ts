import { readFile } from 'node:fs/promises';
import { type EngineEvent, type KernelTableResult, type KernelTcpSocket, readKernelTcpTable } from '@playground/engine';
import { assertNever, type Endpoint, type KernelSnapshot, type KernelWatchScope } from '@playground/protocol';
import { type KnownSocket, matchRows } from './match-rows.ts';
import { TcpInfoSampler } from './tcp-info-sampler.ts';

/** Sockets (and relay flows) remembered after they closed, so their TIME_WAIT rows still carry their id. */
const RETAINED_CLOSED = 1000;

export interface KernelWatcherDeps {
  /** Sends a snapshot; false when the page is too far behind to take one now (it is retried). */
  send(snapshot: KernelSnapshot): boolean;
  /** Milliseconds on the events' clock. */
  now(): number;
  read?: () => Promise<KernelTableResult>;
  /** The TCP internals of the shown connections (`ss -tin` by default). */
  tcpInfo?: TcpInfoSampler;
}

/**
 * The OS's view of one session's sockets: polls the kernel's TCP table only while the page watches
 * (the view is open), and sends a `kernel` message only when what it would show changed.
 */
export class KernelWatcher {
  readonly #known = new Map<string, KnownSocket>();
  readonly #closed: string[] = [];
  readonly #relayTargets = new Map<string, Endpoint>();
  readonly #read: () => Promise<KernelTableResult>;
  #timer: NodeJS.Timeout | undefined;
  #watching: { intervalMs: number; scope: KernelWatchScope } | undefined;
  /** Bumped by every watch/unwatch, so a read that was in flight then is dropped. */
  #generation = 0;
  #lastSent = '';
  #closedForGood = false;
  #somaxconn: number | undefined;
  readonly #tcpInfo: TcpInfoSampler;

  constructor(private readonly deps: KernelWatcherDeps) {
    this.#read = deps.read ?? readKernelTcpTable;
    this.#tcpInfo = deps.tcpInfo ?? new TcpInfoSampler(() => performance.now());
  }

  get watching(): boolean {
    return this.#watching !== undefined;
  }

  /** Every engine event passes here; only the few that carry addresses cost anything. */
  observe(event: EngineEvent): void {
    if (event.kind === 'udp') return;
    switch (event.type) {
      case 'opened': {
        const { local, remote, conditions } = event.socket;
        // A UDP relay has nothing in the TCP table.
        if (event.kind === 'relay' && conditions?.transport !== 'tcp') break;
        const listener = event.kind === 'tcp-server' || event.kind === 'relay';
        if (conditions) this.#relayTargets.set(event.socketId, conditions.target);
        // A listener owns its LISTEN row only once listen() succeeded: its 'listening' event.
        this.#known.set(event.socketId, {
          id: event.socketId,
          listening: false,
          ...(local && !listener ? { local } : {}),
          ...(remote && !listener ? { remote } : {}),
        });
        break;
      }
      case 'listening':
      case 'connected': {
        const known = this.#known.get(event.socketId);
        if (!known) break;
        known.local = event.local;
        if (event.type === 'connected') known.remote = event.remote;
        else known.listening = true;
        break;
      }
      case 'relay-flow':
        this.#relayFlow(event.socketId, event.peer, event.upstream);
        break;
      case 'closed': {
        const known = this.#known.get(event.socketId);
        if (known) known.listening = false;
        this.#forgetLater(event.socketId);
        break;
      }
      case 'state':
      case 'accept':
      case 'queued':
      case 'recv':
      case 'send':
      case 'fin-sent':
      case 'fin-received':
      case 'reset-sent':
      case 'datagram-in':
      case 'datagram-out':
      case 'recv-size':
      case 'no-delay':
      case 'reading':
      case 'error':
      case 'conditions':
      case 'conditions-stats':
      case 'sensor-data':
      case 'call':
      case 'hint':
        // No new address to match against the kernel's table.
        break;
      default:
        assertNever(event, 'engine event');
    }
  }

  /**
   * A TCP relay's own two sockets for one client (the one it accepted, and the one towards its
   * target) are the relay's rows: they carry the relay's id, not "outside the playground".
   */
  #relayFlow(relayId: string, peer: Endpoint, upstream: Endpoint): void {
    const relay = this.#known.get(relayId);
    const target = this.#relayTargets.get(relayId);
    if (!relay?.local || !target) return;
    const accepted = `${relayId}<${peer.address}|${peer.port}`;
    const onward = `${relayId}>${upstream.address}|${upstream.port}`;
    if (this.#known.has(accepted)) return;
    this.#known.set(accepted, { id: relayId, listening: false, local: relay.local, remote: peer });
    this.#known.set(onward, { id: relayId, listening: false, local: upstream, remote: target });
    // Kept after the flow ends, for TIME_WAIT, within the same bound as closed sockets.
    this.#forgetLater(accepted);
    this.#forgetLater(onward);
  }

  #forgetLater(key: string): void {
    this.#closed.push(key);
    if (this.#closed.length > RETAINED_CLOSED) {
      const old = this.#closed.shift() as string;
      this.#known.delete(old);
      this.#relayTargets.delete(old);
    }
  }

  /** Starts polling, or changes the interval or scope; the first snapshot is read at once. */
  watch(intervalMs: number, scope: KernelWatchScope): void {
    if (this.#closedForGood) return;
    this.#watching = { intervalMs, scope };
    this.#lastSent = '';
    this.#generation++;
    clearTimeout(this.#timer);
    void this.#poll(this.#generation);
  }

  unwatch(): void {
    this.#watching = undefined;
    this.#generation++;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  close(): void {
    this.#closedForGood = true;
    this.unwatch();
  }

  async #poll(generation: number): Promise<void> {
    let table: KernelTableResult;
    try {
      this.#somaxconn ??= await readSomaxconn();
      table = await this.#read();
    } catch (err) {
      table = { available: false, reason: `The kernel's table could not be read: ${(err as Error).message}` };
    }
    if (generation !== this.#generation || this.#watching === undefined) return;
    const scope = this.#watching.scope;
    const body: Omit<KernelSnapshot, 't'> = table.available
      ? await this.#availableBody(table.sockets, table.source, scope)
      : { type: 'kernel', scope, available: false, reason: table.reason, rows: [], truncated: 0 };
    // Sampling the TCP internals awaited too: the page may have closed the view meanwhile.
    const watching = this.#watching;
    if (generation !== this.#generation || watching === undefined) return;
    this.#publish(body);
    // Without /proc there is nothing to poll for; the page was told why.
    if (!table.available) return;
    this.#timer = setTimeout(() => void this.#poll(generation), watching.intervalMs);
  }

  async #availableBody(
    sockets: KernelTcpSocket[],
    source: string,
    scope: KernelWatchScope,
  ): Promise<Omit<KernelSnapshot, 't'>> {
    const matched = matchRows(sockets, this.#known.values(), scope);
    const tcpInfo = await this.#tcpInfo.attach(matched.rows);
    return {
      type: 'kernel',
      scope,
      available: true,
      source,
      ...matched,
      tcpInfo,
      ...(this.#somaxconn ? { somaxconn: this.#somaxconn } : {}),
    };
  }

  #publish(body: Omit<KernelSnapshot, 't'>): void {
    const fingerprint = JSON.stringify(body);
    if (fingerprint === this.#lastSent) return;
    const t = Math.max(0, this.deps.now());
    if (this.deps.send({ ...body, t })) this.#lastSent = fingerprint;
  }
}

/** net.core.somaxconn: the kernel silently lowers any larger listen() backlog to it. Linux only. */
async function readSomaxconn(): Promise<number | undefined> {
  if (process.platform !== 'linux') return undefined;
  try {
    const n = Number.parseInt(await readFile('/proc/sys/net/core/somaxconn', 'utf8'), 10);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}
