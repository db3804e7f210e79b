import { isIP } from 'node:net';
import { unmapIPv4 } from './addresses.ts';

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
 * without the bridge becoming a way into the teacher's computer or network.
 */
export class ListenerRegistry {
  private readonly listeners = new Map<string, Listener>();

  add(owner: string, listener: Listener): void {
    this.listeners.set(owner, { ...listener, address: unmapIPv4(listener.address).toLowerCase() });
  }

  remove(owner: string): void {
    this.listeners.delete(owner);
  }

  /** Drops every listener whose owner key starts with `prefix` (a session going away). */
  removeAll(prefix: string): void {
    for (const owner of [...this.listeners.keys()]) if (owner.startsWith(prefix)) this.listeners.delete(owner);
  }

  get size(): number {
    return this.listeners.size;
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
    for (const [owner, l] of this.listeners) if (l.port === port && l.transport === transport) found.push(owner);
    return found;
  }

  /** The owners (`<session>/<socket>`) of the listeners that receive what is sent to `address`:`port`. */
  owners(address: string, port: number, transport: Transport, local: Set<string>): string[] {
    const target = unmapIPv4(address).toLowerCase();
    const found: string[] = [];
    for (const [owner, l] of this.listeners) {
      if (l.port !== port || l.transport !== transport) continue;
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
