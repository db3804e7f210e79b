import { assertNever, type ClassInfo, type EventBatch, type Roster, type Spotlight } from '@playground/protocol';
import { createStore } from 'zustand/vanilla';
import { BatchTap } from '../../../bridge/batchTap.ts';
import { storeHandlers } from '../../../bridge/handlers.ts';
import { initialData } from '../../../store/state.ts';
import { createPlaygroundStore, type PlaygroundStore } from '../../../store/store.ts';
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
  const handlers = storeHandlers(store, undefined, new BatchTap());
  return { studentId, name, sessionId, store, receive: (batch) => handlers.onBatch(batch) };
}

export interface ClassData {
  /** The teacher's roster, as last sent. */
  roster: Roster | null;
  /** The servers of the class this page may use (students). */
  info: ClassInfo | null;
  spotlight: SpotlightView | null;
}

export const classStore = createStore<ClassData>()(() => ({ roster: null, info: null, spotlight: null }));

/** A store that looks like a connected page, for showing someone else's session read-only. */
export function viewerStore(sessionId: string | null): PlaygroundStore {
  const data = initialData();
  return createPlaygroundStore({
    ...data,
    epoch: 1,
    connection: { ...data.connection, status: 'connected', sessionId },
  });
}

export function receiveClassMessage(message: Roster | ClassInfo | Spotlight): void {
  switch (message.type) {
    case 'roster':
      classStore.setState({ roster: message });
      return;
    case 'class':
      classStore.setState({ info: message });
      return;
    case 'spotlight':
      receiveSpotlight(message);
      return;
    default:
      assertNever(message, 'class message');
  }
}

function receiveSpotlight(message: Spotlight): void {
  if (message.studentId === null) {
    classStore.setState({ spotlight: null });
    return;
  }
  const current = classStore.getState().spotlight;
  if (message.state) {
    const store = viewerStore(message.sessionId ?? null);
    store.setState((s) => applySnapshot(s, message.state!).state);
    classStore.setState({
      spotlight: spotlightView(
        message.studentId,
        message.name ?? current?.name ?? message.studentId,
        message.sessionId ?? null,
        store,
      ),
    });
    return;
  }
  if (!message.state && !message.batch && message.name) {
    // The student has no session right now: show the name and an empty view.
    classStore.setState({ spotlight: spotlightView(message.studentId, message.name, null, viewerStore(null)) });
    return;
  }
  if (message.batch && current && current.studentId === message.studentId && current.sessionId === message.sessionId) {
    current.receive({ type: 'events', ...message.batch });
  }
}

export function resetClass(): void {
  classStore.setState({ roster: null, info: null, spotlight: null });
}
