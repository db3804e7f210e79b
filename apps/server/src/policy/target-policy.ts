import { isIP } from 'node:net';
import type { Mode } from '@playground/protocol';
import type { SessionLimits } from '../config/config.ts';
import { BridgeError } from '../errors/bridge-error.ts';
import { canonicalAddress, isLoopback, isUnspecified, localAddresses, specialRange } from './addresses.ts';
import type { AllowRule } from './allow-targets.ts';
import type { ListenerRegistry, Transport } from './listener-registry.ts';
import { resolveOnce } from './resolve.ts';

/** Interfaces a learner's server may bind: the ones the seeds use (loopback, or every interface). */
const BINDABLE_HOSTS = new Set(['127.0.0.1', '0.0.0.0', '::1', '::', 'localhost']);

export interface ResolvedTarget {
  /** The exact address the socket will connect to: names are resolved once, here, and never again. */
  address: string;
  port: number;
}

export interface TargetPolicyOptions {
  mode: Mode;
  limits: SessionLimits;
  /** The bridge's own port: a client socket must never be pointed back at the bridge. */
  bridgePort: () => number;
  allowRules: AllowRule[];
  listeners: ListenerRegistry;
  resolve?: (host: string) => Promise<string>;
  localAddresses?: () => Set<string>;
  /**
   * LAN mode: whether the session asking may use the listener of this owner (`<session>/<socket>`):
   * a student reaches their own servers, the ones the teacher published, and classmates' servers
   * only while the teacher allows it. Absent: every playground listener.
   */
  mayReach?: (owner: string) => boolean;
}

/**
 * Where sockets may go. Local mode: loopback. LAN mode: only servers of this playground (any
 * session's). Both: plus what --allow-target names; never 0.0.0.0/::, never the bridge's own
 * port, and link-local or metadata addresses only when an --allow-target names them explicitly.
 */
export class TargetPolicy {
  readonly description: string;
  private readonly resolve: (host: string) => Promise<string>;
  private readonly local: () => Set<string>;

  constructor(private readonly options: TargetPolicyOptions) {
    this.resolve = options.resolve ?? resolveOnce;
    this.local = options.localAddresses ?? localAddresses;
    const base = options.mode === 'lan' ? 'servers of this playground only' : 'loopback only (127.0.0.0/8 and ::1)';
    const extra = [...new Set(options.allowRules.map((r) => r.spec))];
    this.description = extra.length ? `${base}, plus ${extra.join(', ')}` : base;
  }

  /** The same policy for one session: LAN targets are limited to the listeners `mayReach` allows. */
  forRequester(mayReach: (owner: string) => boolean): TargetPolicy {
    return new TargetPolicy({ ...this.options, mayReach });
  }

  checkListen(host: string, port: number): void {
    if (!BINDABLE_HOSTS.has(host)) {
      throw new BridgeError('not_allowed.listenHost', { host });
    }
    if (port !== 0) this.checkPort(port);
  }

  /** Whether checkListen would accept this host and port. */
  allowsListen(host: string, port: number): boolean {
    try {
      this.checkListen(host, port);
      return true;
    } catch {
      return false;
    }
  }

  async checkTarget(host: string, port: number, transport: Transport): Promise<ResolvedTarget> {
    this.checkOwnPort(port);
    const address = canonicalAddress(isIP(host) ? host : await this.resolve(host));
    return this.checkAddress(address, port, transport, host);
  }

  /**
   * The same verdict for an address already resolved, at once: a relay asks it for every connection
   * and datagram it forwards, and a UDP socket for every datagram to its default peer, because what
   * was allowed when they were made (a classmate's server, a published one) may not be any more.
   */
  checkAddress(rawAddress: string, port: number, transport: Transport, host = rawAddress): ResolvedTarget {
    this.checkOwnPort(port);
    const address = canonicalAddress(rawAddress);
    if (address.includes('%')) {
      throw new BridgeError('not_allowed.scoped', { host, address, reason: 'scoped' });
    }
    if (isUnspecified(address)) {
      throw new BridgeError('not_allowed.unspecified', { host, address, reason: 'unspecified' });
    }
    const special = specialRange(address);
    const rule = this.options.allowRules.find((r) => r.matches(address, port) && (!special || r.namesSpecial));
    if (rule) {
      if (rule.port === undefined) this.checkPort(port);
      return { address, port };
    }
    if (special) {
      throw new BridgeError('not_allowed.special', { host, address, reason: 'special', range: special.what });
    }
    this.checkByMode(host, address, port, transport);
    this.checkPort(port);
    return { address, port };
  }

  private checkByMode(host: string, address: string, port: number, transport: Transport): void {
    if (this.options.mode === 'local') {
      if (isLoopback(address)) return;
      throw new BridgeError('not_allowed.notLoopback', { host, address });
    }
    const owners = this.options.listeners.owners(address, port, transport, this.local());
    const { mayReach } = this.options;
    if (owners.length > 0 && (!mayReach || owners.some(mayReach))) return;
    if (owners.length > 0) {
      throw new BridgeError('not_allowed.notShared', {
        host,
        address,
        port,
        transport: transport.toUpperCase(),
        reason: 'notShared',
      });
    }
    throw new BridgeError('not_allowed.notListening', {
      host,
      address,
      port,
      transport: transport.toUpperCase(),
      reason: 'notListening',
    });
  }

  private checkOwnPort(port: number): void {
    if (port === this.options.bridgePort()) {
      throw new BridgeError('not_allowed.ownPort', { port });
    }
  }

  private checkPort(port: number): void {
    const { minPort, maxPort } = this.options.limits;
    if (port < minPort || port > maxPort) {
      throw new BridgeError('not_allowed.portRange', { port, minPort, maxPort });
    }
    this.checkOwnPort(port);
  }
}
