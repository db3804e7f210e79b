import {
  type ConditionsPatch,
  type ConditionsSettings,
  type Endpoint,
  MAX_RECV_SIZE,
  type SocketInfo,
  type Transport,
} from '@playground/protocol';
import { endpoint } from '../endpoints.ts';
import { type EngineError, invalidState, relayRefusedByQuota } from '../errors.ts';
import type { Channel } from '../event-stamper.ts';
import { SocketHandle } from '../socket-handle.ts';
import type { DestinationCheck, Target } from '../types.ts';
import { mulberry32, type Random, streamSeed } from './prng.ts';
import { mergeSettings } from './settings.ts';
import { StatsReporter } from './stats.ts';

export interface RelayOptions {
  transport: Transport;
  /** Where the relay listens (clients connect here instead of to the target). */
  host: string;
  port: number;
  /** Where it forwards to: an address the bridge's policy already checked. */
  target: Target;
  settings: ConditionsSettings;
  seed: number;
  /** The session's limits, asked for every client: see RelayGuards. */
  guards?: RelayGuards;
}

/** What a relay asks the engine that owns it before it carries a client. */
export interface RelayGuards {
  /** The socket quota when `sockets` more would go past it (the client is turned away), else undefined. */
  quotaReached(sockets: number): number | undefined;
  /** The target policy at this moment: see DestinationCheck. */
  checkDestination?: DestinationCheck;
}

/** Clients one relay carries at once; a TCP relay resets connections beyond, a UDP relay forgets the oldest client. */
export const MAX_RELAY_FLOWS = 32;

/**
 * The network conditions stage: a socket of kind `relay` that clients reach instead of their server.
 * Its own sockets (the accepted side, the side towards the target) are plumbing, not sockets of the
 * session: the relay reports them as `relay-flow` events, and its work as `conditions-stats`.
 */
export abstract class Relay extends SocketHandle {
  protected settings: ConditionsSettings;
  protected readonly options: RelayOptions;
  protected readonly reporter: StatsReporter;
  #flows = 0;
  #refusing = false;

  constructor(channel: Channel, options: RelayOptions) {
    super(channel, {
      local: endpoint(options.host, options.port),
      remote: endpoint(options.target.host, options.target.port),
      recvSize: MAX_RECV_SIZE,
      conditions: {
        transport: options.transport,
        target: endpoint(options.target.host, options.target.port),
        settings: options.settings,
        seed: options.seed,
      },
    });
    this.options = options;
    this.settings = options.settings;
    this.reporter = new StatsReporter((stats) => this.channel.emit({ type: 'conditions-stats', stats }));
  }

  get stats() {
    return this.reporter.stats;
  }

  /** The sockets this relay holds for its clients (its own listening socket is counted as itself). */
  abstract get flowSockets(): number;

  /**
   * Whether a client coming from `peer` may be carried, with `sockets` sockets of its own: within
   * the session's socket quota, and to a target the policy allows right now. When not, why is
   * reported on the relay (the client is turned away; the relay goes on).
   */
  protected admit(peer: Endpoint, sockets: number): boolean {
    const max = this.options.guards?.quotaReached(sockets);
    if (max !== undefined) {
      this.reportFlowError(relayRefusedByQuota(peer, max, this.options.transport));
      return false;
    }
    return this.targetAllowed();
  }

  /**
   * Whether the target may be reached at this moment (see DestinationCheck). A refusal is reported
   * on the relay when it begins, not for every datagram of a client that keeps sending; a TCP relay
   * reports every connection it turns away (`everyTime`).
   */
  protected targetAllowed(everyTime = this.options.transport === 'tcp'): boolean {
    const refusal = this.options.guards?.checkDestination?.(this.options.target, this.options.transport, 'relay');
    if (refusal && (everyTime || !this.#refusing)) this.channel.emit({ type: 'error', error: refusal });
    this.#refusing = refusal !== undefined;
    return refusal === undefined;
  }

  /** New settings apply to what arrives from now on; what is already on its way keeps its schedule. */
  update(patch: ConditionsPatch): SocketInfo {
    if (!this.open || this.state !== 'listening')
      throw invalidState(this.id, 'is not relaying, so it has no conditions to change.');
    this.settings = mergeSettings(this.settings, patch);
    const conditions = this.info.conditions;
    if (conditions) this.info.conditions = { ...conditions, settings: this.settings };
    this.channel.emit({ type: 'conditions', settings: this.settings });
    return this.snapshot();
  }

  protected readonly currentSettings = (): ConditionsSettings => this.settings;
  protected readonly touch = (): void => this.reporter.touch();

  /** The random stream of one flow and direction: independent of every other, fixed by the seed. */
  protected randomFor(flow: number, direction: 'up' | 'down'): Random {
    return mulberry32(streamSeed(this.options.seed, flow, direction));
  }

  protected nextFlowNo(): number {
    return this.#flows++;
  }

  protected flowEvent(peer: Endpoint, upstream: Endpoint, flow: 'opened' | 'closed'): void {
    this.stats.flows += flow === 'opened' ? 1 : -1;
    this.touch();
    this.channel.emit({ type: 'relay-flow', peer, upstream, flow });
  }

  /** A flow's trouble (e.g. the target refused) is reported on the relay, which itself goes on relaying. */
  protected reportFlowError(error: EngineError): void {
    this.channel.emit({ type: 'error', error: error.toInfo() });
  }

  protected bound(local: Endpoint): void {
    this.info.local = local;
    this.channel.emit({ type: 'listening', local });
    this.setState('listening');
    this.markReady();
  }

  protected override finish(): void {
    this.reporter.close();
    super.finish();
  }
}

/** What `Engine.conditionsCreate` takes: the relay's options with defaults left out. */
export interface ConditionsCreateOptions {
  transport: Transport;
  /** Where the relay listens: 127.0.0.1 unless said otherwise. */
  host?: string;
  port?: number;
  target: Target;
  settings?: Partial<ConditionsSettings>;
  /** The random decisions' seed; a random one (reported in the relay's info) when absent. */
  seed?: number;
}
