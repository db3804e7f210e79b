import type { Snapshot, Welcome } from '@playground/protocol';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PlaygroundStore } from '../../../store/store.ts';
import { storeContext, useStoreState } from '../../../store/storeContext.ts';
import { STORAGE, type Storages } from '../../join/model/access.ts';
import { applySnapshot } from './applySnapshot.ts';

export interface ResumeData {
  /** The session came back after a drop or a reload; `closed` lists sockets that closed meanwhile. */
  resumed: { closed: string[]; reloaded: boolean } | null;
  /** The page was reloaded but its session had ended: it had this many open sockets. */
  previousLost: { closed: number } | null;
  /** The bridge ended the last session because this page read too little of what it was sent. */
  fellBehind: boolean;
}

export interface ResumeState extends ResumeData {
  /** The learner read the news: the banner goes. */
  dismiss(): void;
}

export type ResumeStore = StoreApi<ResumeState>;

const NO_NEWS: ResumeData = { resumed: null, previousLost: null, fellBehind: false };

export const createResumeStore = (): ResumeStore =>
  createStore<ResumeState>()((set) => ({ ...NO_NEWS, dismiss: () => set(NO_NEWS) }));

export const ResumeContext = storeContext<ResumeState>('resume');
export const useResume = <T>(selector: (state: ResumeState) => T) => useStoreState(ResumeContext, selector);

interface Remembered {
  sessionId: string;
  open: number;
}

/**
 * Resuming on the page's side. The store applies welcomes as usual (a resumed one keeps the socket
 * keys); the snapshot that follows brings the sockets up to date, and the learner is told what
 * happened: resumed, what closed meanwhile, or that the session before a reload had already ended.
 */
export function createResumer(store: PlaygroundStore, news: ResumeStore, storages: Storages) {
  let first = true;
  return {
    welcome(welcome: Welcome): void {
      const isFirst = first;
      first = false;
      // What the page before a reload left: read once, whatever this welcome says.
      const before = isFirst ? read(storages) : null;
      if (welcome.resumed) return;
      news.setState({ resumed: null });
      // A reload that could not resume: say that the session before it ended, with its sockets.
      if (before && before.sessionId !== welcome.sessionId && before.open > 0) {
        news.setState({ previousLost: { closed: before.open } });
      }
    },
    snapshot(snapshot: Snapshot): void {
      const reloaded = store.getState().order.length === 0;
      let closed: string[] = [];
      store.setState((s) => {
        const result = applySnapshot(s, snapshot);
        closed = result.closedWhileAway;
        return result.state;
      });
      news.setState({ resumed: { closed, reloaded }, previousLost: null });
    },
    /** Called when the page goes away: what a reload that cannot resume will report. */
    remember(): void {
      const s = store.getState();
      if (!s.connection.sessionId) return;
      const open = s.order.filter((k) => {
        const e = s.sockets[k];
        return e && e.epoch === s.epoch && !e.stale && e.state !== 'closed';
      }).length;
      try {
        storages.session.setItem(STORAGE.lastSession, JSON.stringify({ sessionId: s.connection.sessionId, open }));
      } catch {
        // Nothing to report after a reload, then.
      }
    },
  };
}

function read(storages: Storages): Remembered | null {
  try {
    const raw = storages.session.getItem(STORAGE.lastSession);
    storages.session.removeItem(STORAGE.lastSession);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Remembered>;
    return typeof value.sessionId === 'string' && typeof value.open === 'number'
      ? { sessionId: value.sessionId, open: value.open }
      : null;
  } catch {
    return null;
  }
}
