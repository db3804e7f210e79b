import type { SocketKey } from '../../store/state.ts';
import { segmentId, type WireEntry } from '../../store/wireView.ts';
import { flagsText } from '../wire/describeSegment.ts';
import type { FlowSegment, Lane, PairKeys } from './buildFlow.ts';

const parts = (key: SocketKey | null) =>
  key === null ? null : { epoch: Number(key.slice(0, key.indexOf(':'))), id: key.slice(key.indexOf(':') + 1) };

/** The captured segments of one connection, each on the lane of the end that sent it. */
export function pairSegments(entries: readonly WireEntry[], keys: PairKeys): FlowSegment[] {
  const client = parts(keys.client);
  const server = parts(keys.server);
  const epoch = client?.epoch ?? server?.epoch;
  if (epoch === undefined) return [];
  const out: FlowSegment[] = [];
  for (const entry of entries) {
    const { segment: s } = entry;
    if (entry.epoch !== epoch || s.transport !== 'tcp') continue;
    let from: Lane | null = null;
    if (client && (s.from === client.id || s.to === client.id)) from = s.from === client.id ? 'client' : 'server';
    else if (server && (s.from === server.id || s.to === server.id)) from = s.from === server.id ? 'server' : 'client';
    if (from) out.push({ id: segmentId(entry), t: s.t, from, flags: flagsText(s), length: s.length });
  }
  return out;
}
