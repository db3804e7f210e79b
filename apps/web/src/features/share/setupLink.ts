import { isServerSocket, Setup, type SetupItem, type SetupTarget } from '@playground/protocol';
import type { CommandBody } from '../../bridge/client.ts';
import type { PlaygroundData, SocketEntry } from '../../store/state.ts';

export type { Setup, SetupItem };

/** The open servers and clients of the current session, in the order they were made, but those `leaveOut` says. */
export function setupOf(state: PlaygroundData, leaveOut: (entry: SocketEntry) => boolean = () => false): Setup | null {
  const live = state.order
    .map((k) => state.sockets[k])
    .filter(
      (e): e is SocketEntry =>
        e !== undefined && e.epoch === state.epoch && !e.stale && e.state !== 'closed' && !leaveOut(e),
    );
  const items: SetupItem[] = [];
  const serverIndex = new Map<string, number>();
  const servers = live.filter((e) => isServerSocket(e.info));
  for (const e of servers) {
    const { info } = e;
    const host = info.local?.address ?? '127.0.0.1';
    const port = info.local?.port ?? 0;
    serverIndex.set(`${info.kind === 'udp' ? 'udp' : 'tcp'}:${port}`, items.length);
    if (info.kind === 'tcp-server') {
      const item: SetupItem = { kind: 'tcp-server', host, port, recvSize: info.recvSize };
      if (info.backlog !== undefined) item.backlog = info.backlog;
      if (info.behaviour) item.behaviour = info.behaviour;
      if (info.concurrency) item.concurrency = info.concurrency;
      items.push(item);
    } else {
      const item: SetupItem = { kind: 'udp', host, port, recvSize: info.recvSize };
      if (info.behaviour) item.behaviour = info.behaviour;
      items.push(item);
    }
  }
  const targetOf = (transport: 'tcp' | 'udp', remote: { address: string; port: number }) => {
    const index = serverIndex.get(`${transport}:${remote.port}`);
    return index === undefined ? { host: remote.address, port: remote.port } : { server: index };
  };
  for (const e of live) {
    const { info } = e;
    if (info.kind === 'tcp-client' && info.remote) {
      items.push({ kind: 'tcp-client', to: targetOf('tcp', info.remote), recvSize: info.recvSize });
    } else if (info.kind === 'udp' && info.remote) {
      items.push({
        kind: 'udp',
        host: info.local?.address ?? '127.0.0.1',
        port: 0,
        recvSize: info.recvSize,
        to: targetOf('udp', info.remote),
      });
    }
  }
  return items.length > 0 ? { v: 1, items: items.slice(0, 50) } : null;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeSetup(setup: Setup): string {
  return toBase64Url(JSON.stringify(setup));
}

export function decodeSetup(text: string): Setup | null {
  try {
    const parsed = Setup.safeParse(JSON.parse(fromBase64Url(text)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** `page` is the page's address without query or fragment (under a proxy's path, that path too). */
export function setupLink(page: string, setup: Setup): string {
  return `${page}#setup=${encodeSetup(setup)}`;
}

/** Reads `#setup=…` from a fragment; the rest of the fragment is returned to put back. */
export function takeSetup(hash: string): { setup: Setup | null; rest: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get('setup');
  if (value === null) return { setup: null, rest: hash };
  params.delete('setup');
  const rest = params.toString();
  return { setup: decodeSetup(value), rest: rest ? `#${rest}` : '' };
}

export interface SetupCount {
  servers: number;
  clients: number;
}

export function countSetup(setup: Setup): SetupCount {
  let servers = 0;
  for (const item of setup.items) if (item.kind === 'tcp-server' || (item.kind === 'udp' && !item.to)) servers++;
  return { servers, clients: setup.items.length - servers };
}

/** A server of a setup that could not have its port: it listens on `to` instead of `from`. */
export interface MovedServer {
  transport: 'tcp' | 'udp';
  from: number;
  to: number;
}

export interface Recreated {
  made: number;
  failed: unknown[];
  moved: MovedServer[];
}

/**
 * Creates the sockets of a setup, servers first. A server whose port is taken (the bridge says so
 * before it listens, so no failed socket is made) gets a free one, and `moved` says which; its
 * clients follow it there.
 */
export async function recreateSetup(
  setup: Setup,
  send: (command: CommandBody) => Promise<{ socket?: { local?: { port: number } }; port?: number }>,
): Promise<Recreated> {
  const ports = new Map<number, number>();
  const failed: unknown[] = [];
  const moved: MovedServer[] = [];
  let made = 0;
  /** The item's port when it is free, else the free one the bridge proposes. */
  const freePort = async (transport: 'tcp' | 'udp', host: string, port: number): Promise<number> => {
    if (port === 0) return 0;
    try {
      const { port: free } = await send({ type: 'port.suggest', transport, host, port });
      if (free === undefined || free === port) return port;
      moved.push({ transport, from: port, to: free });
      return free;
    } catch {
      // An older bridge without port.suggest: try the port itself; a failure falls back to port 0.
      return port;
    }
  };
  const portOf = (to: SetupTarget): { host: string; port: number } | null => {
    if ('host' in to) return to;
    const port = ports.get(to.server);
    return port === undefined ? null : { host: '127.0.0.1', port };
  };
  const run = async (index: number, command: CommandBody, fallback?: CommandBody) => {
    try {
      const result = await send(command);
      made++;
      if (result.socket?.local) ports.set(index, result.socket.local.port);
    } catch (err) {
      if (fallback) return run(index, fallback);
      failed.push(err);
    }
  };
  for (const [index, item] of setup.items.entries()) {
    if (item.kind === 'tcp-server') {
      const port = await freePort('tcp', item.host, item.port);
      const command: CommandBody = { type: 'tcp.listen', host: item.host, port, recvSize: item.recvSize };
      if (item.backlog !== undefined) command.backlog = item.backlog;
      if (item.behaviour) command.behaviour = item.behaviour;
      if (item.concurrency) command.concurrency = item.concurrency;
      await run(index, command, port === 0 ? undefined : { ...command, port: 0 });
    } else if (item.kind === 'udp' && !item.to) {
      const port = await freePort('udp', item.host, item.port);
      const command: CommandBody = { type: 'udp.bind', host: item.host, port, recvSize: item.recvSize };
      if (item.behaviour) command.behaviour = item.behaviour;
      await run(index, command, port === 0 ? undefined : { ...command, port: 0 });
    }
  }
  for (const item of setup.items) {
    if (item.kind === 'tcp-client') {
      const target = portOf(item.to);
      if (target) await run(-1, { type: 'tcp.connect', host: target.host, port: target.port, recvSize: item.recvSize });
    } else if (item.kind === 'udp' && item.to) {
      const target = portOf(item.to);
      if (target)
        await run(-1, { type: 'udp.bind', host: item.host, port: 0, recvSize: item.recvSize, remote: target });
    }
  }
  return { made, failed, moved };
}
