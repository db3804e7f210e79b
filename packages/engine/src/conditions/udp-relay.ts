import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { isIP } from 'node:net';
import type { Endpoint } from '@playground/protocol';
import { endpoint, familyOf } from '../endpoints.ts';
import { toEngineError } from '../errors.ts';
import type { Channel } from '../event-stamper.ts';
import { DatagramStage } from './datagram-stage.ts';
import { MAX_RELAY_FLOWS, Relay, type RelayOptions } from './relay.ts';

const udpType = (host: string) => (familyOf(host) === 'IPv6' ? 'udp6' : 'udp4');

/** The relay's side towards the target binds where the target is reachable: loopback for loopback. */
function upstreamHost(target: string): string {
  if (isIP(target) === 6) return target === '::1' ? '::1' : '::';
  return target.startsWith('127.') ? '127.0.0.1' : '0.0.0.0';
}

const sameAddress = (a: string, b: string) => a.replace(/^::ffff:/, '') === b.replace(/^::ffff:/, '');

/**
 * The conditions stage for UDP: one endpoint the clients send to; for each client (source address)
 * an endpoint of its own towards the target, so the server sees every client as a different peer
 * and its answers find their way back. One DatagramStage per client and direction.
 */
export class UdpRelay extends Relay {
  readonly #front: Socket;
  readonly #flows = new Map<string, UdpFlow>();
  #closing = false;

  constructor(channel: Channel, options: RelayOptions) {
    super(channel, options);
    this.#front = createSocket({ type: udpType(options.host) });
    this.#front.on('error', (err) => {
      this.report(toEngineError(err, { host: options.host, port: options.port }));
      if (this.state !== 'listening') this.#shutdown();
    });
    this.#front.on('listening', () => {
      if (this.#closing) return;
      const address = this.#front.address();
      this.bound(endpoint(address.address, address.port));
    });
    this.#front.on('message', (msg, rinfo) => this.#fromClient(msg, rinfo));
  }

  protected begin(): void {
    try {
      this.#front.bind(this.options.port, this.options.host);
    } catch (err) {
      this.#front.emit('error', err);
    }
  }

  close(): Promise<void> {
    if (this.open) this.#shutdown();
    return this.closed;
  }

  /** Each client: the socket towards the target. */
  get flowSockets(): number {
    return this.#flows.size;
  }

  #fromClient(msg: Buffer, rinfo: RemoteInfo): void {
    if (this.#closing) return;
    const key = `${rinfo.address}|${rinfo.port}`;
    let flow = this.#flows.get(key);
    if (flow === undefined) {
      const full = this.#flows.size >= MAX_RELAY_FLOWS;
      // The oldest client's socket is given up for this one when the relay is full: no new socket then.
      if (!this.admit(endpoint(rinfo.address, rinfo.port), full ? 0 : 1)) return;
      if (full) {
        const [oldestKey, oldest] = this.#flows.entries().next().value as [string, UdpFlow];
        this.#flows.delete(oldestKey);
        void oldest.close();
      }
      flow = this.#open(endpoint(rinfo.address, rinfo.port));
      this.#flows.set(key, flow);
    }
    flow.toTarget.push(msg);
  }

  #open(peer: Endpoint): UdpFlow {
    const { target } = this.options;
    const flowNo = this.nextFlowNo();
    const back = createSocket({ type: udpType(target.host) });
    const common = { settings: this.currentSettings, stats: this.stats, touch: this.touch };
    const report = (err: Error | null) => {
      if (err && !this.#closing) this.reportFlowError(toEngineError(err, target));
    };
    const flow: UdpFlow = {
      back,
      upstream: undefined,
      toTarget: new DatagramStage({
        ...common,
        random: this.randomFor(flowNo, 'up'),
        forward: (bytes) => {
          // Checked as each datagram leaves (after the conditions' delay): the target may have gone.
          if (!this.targetAllowed()) return false;
          back.send(bytes, target.port, target.host, report);
          return true;
        },
      }),
      toClient: new DatagramStage({
        ...common,
        random: this.randomFor(flowNo, 'down'),
        forward: (bytes) => {
          if (this.#closing) return false;
          this.#front.send(bytes, peer.port, peer.address, report);
          return true;
        },
      }),
      close: () => {
        flow.toTarget.close();
        flow.toClient.close();
        const closed = new Promise<void>((resolve) => back.once('close', () => resolve()));
        try {
          back.close();
        } catch {
          return Promise.resolve();
        }
        return closed.then(() => {
          if (flow.upstream) this.flowEvent(peer, flow.upstream, 'closed');
        });
      },
    };
    back.on('error', (err) => report(err));
    back.on('listening', () => {
      const address = back.address();
      flow.upstream = endpoint(address.address, address.port);
      if (!this.#closing) this.flowEvent(peer, flow.upstream, 'opened');
    });
    back.on('message', (msg, rinfo) => {
      // Only the target's answers go back; anything else sent to this port is not part of the flow.
      if (rinfo.port === target.port && sameAddress(rinfo.address, target.host)) flow.toClient.push(msg);
    });
    back.bind(0, upstreamHost(target.host));
    return flow;
  }

  #shutdown(): void {
    if (this.#closing) return;
    this.#closing = true;
    const flows = [...this.#flows.values()];
    this.#flows.clear();
    const frontClosed = new Promise<void>((resolve) => this.#front.once('close', () => resolve()));
    try {
      this.#front.close();
    } catch {
      this.#front.emit('close');
    }
    void Promise.all([frontClosed, ...flows.map((f) => f.close())]).then(() => this.finish());
  }
}

interface UdpFlow {
  back: Socket;
  upstream: Endpoint | undefined;
  toTarget: DatagramStage;
  toClient: DatagramStage;
  close(): Promise<void>;
}
