import { createStore, type StoreApi } from 'zustand/vanilla';
import { createPlaygroundStore, type PlaygroundStore } from '../../store/store.ts';
import { storeContext, useStoreApi, useStoreState } from '../../store/storeContext.ts';
import { type ParsedLog, parseLog, Replay } from './replay.ts';

export interface ReplayData {
  replay: Replay | null;
  fileName: string;
  /** Events applied: the timeline's position, 0..replay.length. */
  position: number;
  playing: boolean;
  /** The viewer's own store, so the log, cards and inspector read it as they read a live one. */
  store: PlaygroundStore | null;
  /** Why the last file could not be opened. */
  problem: Exclude<ParsedLog, { ok: true }>['problem'] | null;
  problemDetail: string | null;
}

export interface ReplayState extends ReplayData {
  openFile(file: File): Promise<boolean>;
  openText(text: string, fileName: string): boolean;
  /** Moves the timeline: the store gets the state after `position` events; the learner's selection stays. */
  seek(position: number): void;
  close(): void;
  setPlaying(playing: boolean): void;
}

export type ReplayStore = StoreApi<ReplayState>;

export function createReplayStore(): ReplayStore {
  return createStore<ReplayState>()((set, get) => ({
    replay: null,
    fileName: '',
    position: 0,
    playing: false,
    store: null,
    problem: null,
    problemDetail: null,
    openFile: async (file) => get().openText(await file.text(), file.name),
    openText(text, fileName) {
      const parsed = parseLog(text);
      if (!parsed.ok) {
        set({ problem: parsed.problem, problemDetail: parsed.detail ?? null });
        return false;
      }
      const replay = new Replay(parsed.log);
      const store = createPlaygroundStore(replay.stateAt(replay.length));
      set({ replay, fileName, position: replay.length, playing: false, store, problem: null, problemDetail: null });
      return true;
    },
    seek(position) {
      const { replay, store } = get();
      if (!replay || !store) return;
      const at = Math.max(0, Math.min(position, replay.length));
      const built = replay.stateAt(at);
      store.setState((s) => ({
        ...built,
        selection: s.selection,
        lab: s.lab,
        wire: { ...built.wire, selected: s.wire.selected },
      }));
      set({ position: at });
    },
    close: () => set({ replay: null, store: null, position: 0, playing: false, fileName: '' }),
    setPlaying: (playing) => set({ playing }),
  }));
}

export const ReplayContext = storeContext<ReplayState>('replay');
export const useReplayStore = () => useStoreApi(ReplayContext);
export const useReplay = <T>(selector: (state: ReplayState) => T) => useStoreState(ReplayContext, selector);
