import { assertNever, type ClassInfo, type EventBatch, type Roster, type Spotlight } from '@playground/protocol';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { BatchTap } from '../../../bridge/batchTap.ts';
import { storeHandlers } from '../../../bridge/handlers.ts';
import { initialData } from '../../../store/state.ts';
import { createPlaygroundStore, type PlaygroundStore } from '../../../store/store.ts';
import { storeContext, useStoreApi, useStoreState } from '../../../store/storeContext.ts';
import { applySnapshot } from '../../resume/model/applySnapshot.ts';

export interface SpotlightView {
  studentId: string;
  name: string;
  /** The student's session being shown; batches of any other are ignored. */
  sessionId: string | null;
  /** A store of its own, fed like the student's page is: the log, cards and inspector read it. */
  store: PlaygroundStore;
  /**
   * Takes the student's batches as the student's own page does: together, once a frame. A busy
   * student's page gets dozens of batches a second, and applying each on arrival rendered the
   * spotlight as often.
   */
  receive(batch: EventBatch): void;
}

/** A spotlight's store with its frame-batched feed; its batches reach none of the teacher's own views. */
function spotlightView(
  studentId: string,
  name: string,
  sessionId: string | null,
  store: PlaygroundStore,
): SpotlightView {
  const handlers = storeHandlers(store, new BatchTap());
  return { studentId, name, sessionId, store, receive: (batch) => handlers.onBatch(batch) };
}

export interface ClassData {
  /** The teacher's roster, as last sent. */
  roster: Roster | null;
  /** The servers of the class this page may use (students). */
  info: ClassInfo | null;
  spotlight: SpotlightView | null;
}

export interface ClassState extends ClassData {
  receive(message: Roster | ClassInfo | Spotlight): void;
  reset(): void;
}

export type ClassStore = StoreApi<ClassState>;

const NO_CLASS: ClassData = { roster: null, info: null, spotlight: null };

export function createClassStore(): ClassStore {
  return createStore<ClassState>()((set) => ({
    ...NO_CLASS,
    receive(message) {
      switch (message.type) {
        case 'roster':
          set({ roster: message });
          return;
        case 'class':
          set({ info: message });
          return;
        case 'spotlight':
          set((s) => {
            const spotlight = nextSpotlight(s.spotlight, message);
            return spotlight === s.spotlight ? s : { spotlight };
          });
          return;
        default:
          assertNever(message, 'class message');
      }
    },
    reset: () => set(NO_CLASS),
  }));
}

export const ClassContext = storeContext<ClassState>('classroom');
export const useClassStore = () => useStoreApi(ClassContext);
export const useClassroom = <T>(selector: (state: ClassState) => T) => useStoreState(ClassContext, selector);

/** A store that looks like a connected page, for showing someone else's session read-only. */
export function viewerStore(sessionId: string | null): PlaygroundStore {
  const data = initialData();
  return createPlaygroundStore({
    ...data,
    epoch: 1,
    connection: { ...data.connection, status: 'connected', sessionId },
  });
}

/** The spotlight after a message: a new view, none, or the current one fed the student's batch. */
function nextSpotlight(current: SpotlightView | null, message: Spotlight): SpotlightView | null {
  if (message.studentId === null) return null;
  if (message.state) {
    const store = viewerStore(message.sessionId ?? null);
    store.setState((s) => applySnapshot(s, message.state!).state);
    return spotlightView(
      message.studentId,
      message.name ?? current?.name ?? message.studentId,
      message.sessionId ?? null,
      store,
    );
  }
  if (!message.batch && message.name) {
    // The student has no session right now: show the name and an empty view.
    return spotlightView(message.studentId, message.name, null, viewerStore(null));
  }
  if (message.batch && current && current.studentId === message.studentId && current.sessionId === message.sessionId) {
    current.receive({ type: 'events', ...message.batch });
  }
  return current;
}
