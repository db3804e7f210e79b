import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Limits } from '@playground/protocol';
import { BridgeError } from '../session/bridge-error.ts';
import { isLoopback } from './addresses.ts';

/** Interfaces a learner's server may bind: the ones the seeds use (loopback, or every interface). */
const BINDABLE_HOSTS = new Set(['127.0.0.1', '0.0.0.0', '::1', '::', 'localhost']);

export interface ResolvedTarget {
  /** The exact address the socket will connect to: names are resolved once, here, and never again. */
  address: string;
  port: number;
}

export interface TargetPolicyOptions {
  limits: Limits;
  /** The bridge's own port: a client socket must never be pointed back at the bridge. */
  bridgePort: () => number;
  resolve?: (host: string) => Promise<string>;
}

export class TargetPolicy {
  readonly description = 'loopback only (127.0.0.0/8 and ::1)';
  private readonly resolve: (host: string) => Promise<string>;

  constructor(private readonly options: TargetPolicyOptions) {
    this.resolve = options.resolve ?? defaultResolve;
  }

  checkListen(host: string, port: number): void {
    if (!BINDABLE_HOSTS.has(host)) {
      throw new BridgeError(
        'not_allowed',
        `A server can listen on 127.0.0.1, ::1 (this computer only) or 0.0.0.0, :: (every interface), not on ${host}.`,
        { host },
      );
    }
    if (port !== 0) this.checkPort(port);
  }

  async checkTarget(host: string, port: number): Promise<ResolvedTarget> {
    this.checkPort(port);
    const address = isIP(host) ? host : await this.resolve(host);
    if (!isLoopback(address)) {
      throw new BridgeError(
        'not_allowed',
        `This playground only connects to this computer (loopback: 127.0.0.1 or ::1); ${host} is ${address}.`,
        { host, address },
      );
    }
    return { address, port };
  }

  private checkPort(port: number): void {
    const { minPort, maxPort } = this.options.limits;
    if (port < minPort || port > maxPort) {
      throw new BridgeError(
        'not_allowed',
        `Port ${port} is outside the allowed range ${minPort}-${maxPort}. Ports below 1024 are privileged: the operating system reserves them for system services.`,
        { port, minPort, maxPort },
      );
    }
    if (port === this.options.bridgePort()) {
      throw new BridgeError('not_allowed', `Port ${port} is the playground's own port; pick another one.`, { port });
    }
  }
}

async function defaultResolve(host: string): Promise<string> {
  try {
    return (await lookup(host)).address;
  } catch {
    throw new BridgeError('ENOTFOUND', `The name ${host} was not found: no address is known for it.`, { host });
  }
}
