import { createStore } from 'zustand/vanilla';
import { createPlaygroundStore, type PlaygroundStore } from '../../store/store.ts';
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

export const replayStore = createStore<ReplayData>()(() => ({
  replay: null,
  fileName: '',
  position: 0,
  playing: false,
  store: null,
  problem: null,
  problemDetail: null,
}));

export async function openLogFile(file: File): Promise<boolean> {
  return openLogText(await file.text(), file.name);
}

export function openLogText(text: string, fileName: string): boolean {
  const parsed = parseLog(text);
  if (!parsed.ok) {
    replayStore.setState({ problem: parsed.problem, problemDetail: parsed.detail ?? null });
    return false;
  }
  const replay = new Replay(parsed.log);
  const store = createPlaygroundStore(replay.stateAt(replay.length));
  replayStore.setState({
    replay,
    fileName,
    position: replay.length,
    playing: false,
    store,
    problem: null,
    problemDetail: null,
  });
  return true;
}

/** Moves the timeline: the store gets the state after `position` events; the learner's selection stays. */
export function seek(position: number): void {
  const { replay, store } = replayStore.getState();
  if (!replay || !store) return;
  const at = Math.max(0, Math.min(position, replay.length));
  const built = replay.stateAt(at);
  store.setState((s) => ({
    ...built,
    selection: s.selection,
    lab: s.lab,
    wire: { ...built.wire, selected: s.wire.selected },
  }));
  replayStore.setState({ position: at });
}

export function closeReplay(): void {
  replayStore.setState({ replay: null, store: null, position: 0, playing: false, fileName: '' });
}

export function setPlaying(playing: boolean): void {
  replayStore.setState({ playing });
}
