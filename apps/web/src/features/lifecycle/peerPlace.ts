import type { ClassServer, Endpoint } from '@playground/protocol';
import type { TFunction } from 'i18next';
import { usePlayground } from '../../bridge/context.tsx';
import type { SocketEntry, SocketKey } from '../../store/state.ts';
import { formatEndpoint } from '../../ui/format.ts';
import { useClassroom } from '../classroom/model/classStore.ts';
import { useNetLab } from '../netlab/model/labStore.ts';
import { sameEndpoint } from './connections.ts';

/**
 * Who is at the other end of a connection that is not one of this page's sockets: one of its
 * conditions relays (the network lab's plumbing), a server of the class (the teacher's or a
 * classmate's, in another session of this playground), or a program outside the playground.
 */
export type PeerPlace =
  | { place: 'relay'; relayId: string }
  | { place: 'teacher' }
  | { place: 'classmate'; name: string }
  | { place: 'outside' };

export interface PlaceContext {
  sockets: Record<SocketKey, SocketEntry>;
  order: readonly SocketKey[];
  /** Relays' flows by socket key: the address each uses towards its server. */
  relayFlows: Record<SocketKey, { flows: { upstream: Endpoint }[] }>;
  classServers: readonly ClassServer[];
}

/** `of`: the socket whose peer is at `remote` (its kind says whether the peer is a server). */
export function peerPlace(of: SocketEntry, remote: Pick<Endpoint, 'address' | 'port'>, ctx: PlaceContext): PeerPlace {
  for (let i = ctx.order.length - 1; i >= 0; i--) {
    const key = ctx.order[i] as SocketKey;
    const relay = ctx.sockets[key];
    if (relay?.info.kind !== 'relay' || relay.epoch !== of.epoch) continue;
    // A client talks to the relay's listening port; a server sees the relay's own way to it.
    if (of.info.kind !== 'tcp-conn' && relay.info.local?.port === remote.port)
      return { place: 'relay', relayId: relay.info.id };
    if (ctx.relayFlows[key]?.flows.some((f) => sameEndpoint(f.upstream, remote))) {
      return { place: 'relay', relayId: relay.info.id };
    }
  }
  if (of.info.kind !== 'tcp-conn') {
    const kind = of.info.kind === 'udp' ? 'udp' : 'tcp-server';
    const server = ctx.classServers.find((s) => s.kind === kind && s.port === remote.port);
    if (server?.owner === 'teacher') return { place: 'teacher' };
    if (server) return { place: 'classmate', name: server.ownerName ?? '' };
  }
  return { place: 'outside' };
}

/**
 * The peer's place for `of`, kept current as relays, flows and the class's servers change. The
 * store is read through a selector that returns text, so byte events do not re-render the caller.
 */
export function usePeerPlace(of: SocketEntry, remote: Pick<Endpoint, 'address' | 'port'> | undefined): PeerPlace {
  const relayFlows = useNetLab((s) => s.relays);
  const classServers = useClassroom((s) => s.info?.servers ?? NO_SERVERS);
  const place = usePlayground((s) =>
    remote
      ? JSON.stringify(peerPlace(of, remote, { sockets: s.sockets, order: s.order, relayFlows, classServers }))
      : OUTSIDE,
  );
  return JSON.parse(place) as PeerPlace;
}

const OUTSIDE = JSON.stringify({ place: 'outside' });

const NO_SERVERS: ClassServer[] = [];

/** "conditions relay s5", "your teacher’s server", "Ana’s server", "outside the playground". */
export function placeName(t: TFunction, place: PeerPlace): string {
  switch (place.place) {
    case 'relay':
      return t('peers.relay', { relay: place.relayId });
    case 'teacher':
      return t('peers.teacher');
    case 'classmate':
      return t('peers.classmate', { name: place.name });
    case 'outside':
      return t('peers.outside');
  }
}

/** The name with the address: "your teacher’s server, at 127.0.0.1:40123". */
export function placeAt(t: TFunction, place: PeerPlace, remote: Pick<Endpoint, 'address' | 'port'>): string {
  return t('peers.at', { who: placeName(t, place), address: formatEndpoint(remote) });
}
