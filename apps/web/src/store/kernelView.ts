import type { KernelRow, KernelSnapshot, KernelTcpState } from '@playground/protocol';
import { type SocketKey, socketKey } from './socketKey.ts';

/** A state as the kernel reported it, or `gone`: the row disappeared from the table. */
export type TimelineState = KernelTcpState | 'gone';

export interface TimelineStep {
  state: TimelineState;
  /** When the view first saw it, on the events' clock (ms). */
  t: number;
}

/** The kernel states one connection (or listening socket) went through while the view was open. */
export interface KernelTimeline {
  /** The 4-tuple: `local>remote`. */
  key: string;
  row: KernelRow;
  /** The session's socket, when the row is one of the playground's. */
  socket: SocketKey | null;
  steps: TimelineStep[];
}

export interface KernelViewData {
  /** The view is open and has asked the bridge to poll. */
  watching: boolean;
  snapshot: KernelSnapshot | null;
  /** Epoch of the session that sent the snapshot. */
  snapshotEpoch: number;
  timelines: Record<string, KernelTimeline>;
  /** Timeline keys, oldest first. */
  order: string[];
  /**
   * Keys of the previous snapshot's rows, when it belongs to the same uninterrupted watch and scope:
   * only then does a missing row mean the socket is gone (and not that the filter or the view changed).
   */
  previous: { scope: KernelSnapshot['scope']; keys: Set<string> } | null;
}

export const MAX_TIMELINES = 300;
export const MAX_STEPS = 40;

export function emptyKernelView(): KernelViewData {
  return { watching: false, snapshot: null, snapshotEpoch: 0, timelines: {}, order: [], previous: null };
}

const endpointKey = (e: { address: string; port: number }) =>
  e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`;

/** Rows are followed by their addresses: a connection's 4-tuple, or a listening socket's address. */
export function rowKey(row: Pick<KernelRow, 'local' | 'remote'>): string {
  return `${endpointKey(row.local)}>${endpointKey(row.remote)}`;
}

export function applyKernelSnapshot(view: KernelViewData, snapshot: KernelSnapshot, epoch: number): KernelViewData {
  const timelines = { ...view.timelines };
  let order = view.order;
  const keys = new Set<string>();
  for (const row of snapshot.rows) {
    const key = rowKey(row);
    keys.add(key);
    const socket: SocketKey | null = row.socketId ? socketKey(epoch, row.socketId) : null;
    const existing = timelines[key];
    if (!existing) {
      timelines[key] = { key, row, socket, steps: [{ state: row.state, t: snapshot.t }] };
      order = [...order, key];
      continue;
    }
    const last = existing.steps.at(-1);
    const next: TimelineStep = { state: row.state, t: snapshot.t };
    const steps = last?.state === row.state ? existing.steps : [...existing.steps, next].slice(-MAX_STEPS);
    timelines[key] = { ...existing, row, socket: socket ?? existing.socket, steps };
  }
  const previous = view.previous;
  if (view.watching && previous && previous.scope === snapshot.scope) {
    for (const key of previous.keys) {
      const timeline = timelines[key];
      if (keys.has(key) || !timeline || timeline.steps.at(-1)?.state === 'gone') continue;
      const gone: TimelineStep = { state: 'gone', t: snapshot.t };
      timelines[key] = { ...timeline, steps: [...timeline.steps, gone].slice(-MAX_STEPS) };
    }
  }
  if (order.length > MAX_TIMELINES) {
    // The oldest finished timelines go first; live ones stay while there is room.
    const drop = new Set<string>();
    for (const key of order) {
      if (order.length - drop.size <= MAX_TIMELINES) break;
      if (timelines[key]?.steps.at(-1)?.state === 'gone') drop.add(key);
    }
    for (const key of order) {
      if (order.length - drop.size <= MAX_TIMELINES) break;
      drop.add(key);
    }
    order = order.filter((k) => !drop.has(k));
    for (const key of drop) delete timelines[key];
  }
  return {
    ...view,
    snapshot,
    snapshotEpoch: epoch,
    timelines,
    order,
    previous: view.watching ? { scope: snapshot.scope, keys } : null,
  };
}

/** Opening or closing the view: a later snapshot cannot tell what vanished in between. */
export function setKernelWatching(view: KernelViewData, watching: boolean): KernelViewData {
  return { ...view, watching, previous: null };
}
