import type { ConditionsSettings, ConditionsStats, Endpoint, EventBatch } from '@playground/protocol';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BatchTap } from '../../../bridge/batchTap.ts';
import { storeContext, useStoreApi, useStoreState } from '../../../store/storeContext.ts';
import { PERFECT } from '../../conditions/model/presets.ts';

export type Page = 'sockets' | 'netlab';
export type LabTab = 'compare' | 'sensor' | 'conditions';

/** What the page knows of one relay beyond its SocketInfo: its latest counts and the clients it carries. */
export interface RelayLive {
  stats: ConditionsStats | null;
  flows: { peer: Endpoint; upstream: Endpoint }[];
}

export interface NetLabState {
  page: Page;
  tab: LabTab;
  /** The network both the comparison and the sensor stream go through; changed live while they run. */
  settings: ConditionsSettings;
  seed: number;
  /** By socket key (`epoch:id`), like the main store. */
  relays: Record<string, RelayLive>;
  /**
   * The sockets the lab's runs opened (servers, relays, clients), by socket key: the lab's own
   * plumbing, which setup links, the forms' suggestions and the views' defaults leave out.
   */
  labKeys: Record<string, true>;
  markLab(key: string): void;
  setPage(page: Page): void;
  setTab(tab: LabTab): void;
  setSettings(settings: ConditionsSettings): void;
  setSeed(seed: number): void;
  receive(batches: readonly EventBatch[], epoch: number): void;
}

const sameEndpoint = (a: Endpoint, b: Endpoint) => a.address === b.address && a.port === b.port;

/** Relay counts and flows from a batch; the state itself when the batch has none. */
export function applyRelayEvents(
  relays: Record<string, RelayLive>,
  batches: readonly EventBatch[],
  epoch: number,
): Record<string, RelayLive> {
  let next = relays;
  for (const batch of batches) {
    for (const e of batch.events) {
      if (e.kind !== 'relay') continue;
      const key = `${epoch}:${e.socketId}`;
      const current = next[key] ?? { stats: null, flows: [] };
      let updated: RelayLive | undefined;
      if (e.type === 'conditions-stats') updated = { ...current, stats: e.stats };
      else if (e.type === 'relay-flow') {
        const flows = current.flows.filter((f) => !sameEndpoint(f.peer, e.peer));
        updated = {
          ...current,
          flows: e.flow === 'opened' ? [...flows, { peer: e.peer, upstream: e.upstream }] : flows,
        };
      } else if (e.type === 'closed') updated = { ...current, flows: [] };
      if (updated) {
        if (next === relays) next = { ...relays };
        next[key] = updated;
      }
    }
  }
  return next;
}

export type NetLabStore = StoreApi<NetLabState>;

/** The network lab's page, its network, and what its relays report (fed from the page's batches). */
export function createNetLabStore(tap: BatchTap): NetLabStore {
  const store = createStore<NetLabState>()((set) => ({
    page: 'sockets',
    tab: 'compare',
    settings: PERFECT,
    seed: 2024,
    relays: {},
    labKeys: {},
    markLab: (key) => set((s) => (s.labKeys[key] ? s : { labKeys: { ...s.labKeys, [key]: true } })),
    setPage: (page) => set({ page }),
    setTab: (tab) => set({ tab }),
    setSettings: (settings) => set({ settings }),
    setSeed: (seed) => set({ seed }),
    receive: (batches, epoch) =>
      set((s) => {
        const relays = applyRelayEvents(s.relays, batches, epoch);
        return relays === s.relays ? s : { relays };
      }),
  }));
  tap.subscribe((batches, epoch) => store.getState().receive(batches, epoch));
  return store;
}

export const NetLabContext = storeContext<NetLabState>('network lab');
export const useNetLabStore = () => useStoreApi(NetLabContext);
export const useNetLab = <T>(selector: (state: NetLabState) => T) => useStoreState(NetLabContext, selector);

/** A socket a lab run opened, or a connection one of its servers accepted. */
export function isLabSocket(
  labKeys: Record<string, true>,
  entry: { key: string; epoch: number; info: { parentId?: string | undefined } },
): boolean {
  return (
    labKeys[entry.key] === true ||
    (entry.info.parentId !== undefined && labKeys[`${entry.epoch}:${entry.info.parentId}`] === true)
  );
}
