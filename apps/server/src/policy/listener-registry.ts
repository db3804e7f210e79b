import { isIP } from 'node:net';
import { canonicalAddress } from './addresses.ts';

export type Transport = 'tcp' | 'udp';

interface Listener {
  transport: Transport;
  /** The bound address as the OS reports it: 0.0.0.0, ::, 127.0.0.1 or ::1. */
  address: string;
  port: number;
}

/**
 * Every TCP server and UDP endpoint listening in any session of this bridge. In LAN mode these
 * are the only targets a client may reach by default, so a class can talk to each other's servers
 * without the bridge becoming a way into the teacher's computer or network. Kept by port: a relay
 * asks about its target for every connection and datagram it forwards.
 */
export class ListenerRegistry {
  private readonly byOwner = new Map<string, Listener>();
  private readonly byPort = new Map<number, Map<string, Listener>>();

  add(owner: string, listener: Listener): void {
    this.remove(owner);
    const entry = { ...listener, address: canonicalAddress(listener.address).toLowerCase() };
    this.byOwner.set(owner, entry);
    let onPort = this.byPort.get(entry.port);
    if (!onPort) {
      onPort = new Map();
      this.byPort.set(entry.port, onPort);
    }
    onPort.set(owner, entry);
  }

  remove(owner: string): void {
    const entry = this.byOwner.get(owner);
    if (!entry) return;
    this.byOwner.delete(owner);
    const onPort = this.byPort.get(entry.port);
    onPort?.delete(owner);
    if (onPort?.size === 0) this.byPort.delete(entry.port);
  }

  /** Drops every listener whose owner key starts with `prefix` (a session going away). */
  removeAll(prefix: string): void {
    for (const owner of [...this.byOwner.keys()]) if (owner.startsWith(prefix)) this.remove(owner);
  }

  get size(): number {
    return this.byOwner.size;
  }

  /**
   * Whether a playground listener receives what is sent to `address`:`port`. A wildcard listener
   * receives on every address of this computer (`::` on IPv4 ones too: Node listens dual-stack);
   * a specific one only on exactly its own address.
   */
  serves(address: string, port: number, transport: Transport, local: Set<string>): boolean {
    return this.owners(address, port, transport, local).length > 0;
  }

  /** The owners of every listener on `port` for `transport`, whatever its address: who may hold it. */
  onPort(port: number, transport: Transport): string[] {
    const found: string[] = [];
    for (const [owner, l] of this.byPort.get(port) ?? []) if (l.transport === transport) found.push(owner);
    return found;
  }

  /** The owners (`<session>/<socket>`) of the listeners that receive what is sent to `address`:`port`. */
  owners(address: string, port: number, transport: Transport, local: Set<string>): string[] {
    const onPort = this.byPort.get(port);
    if (!onPort) return [];
    const target = canonicalAddress(address).toLowerCase();
    const found: string[] = [];
    for (const [owner, l] of onPort) {
      if (l.transport !== transport) continue;
      if (
        l.address === target ||
        (l.address === '::' && local.has(target)) ||
        (l.address === '0.0.0.0' && isIP(target) === 4 && local.has(target))
      ) {
        found.push(owner);
      }
    }
    return found;
  }
}
