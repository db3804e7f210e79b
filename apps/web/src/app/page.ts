import type { BridgeHandlers } from '../bridge/client.ts';
import { storeHandlers } from '../bridge/handlers.ts';
import { createAccess, resumeStorage, type Storages } from '../features/join/model/access.ts';
import { SessionRecorder } from '../features/replay/model/recorder.ts';
import { createResumer } from '../features/resume/model/resumeStore.ts';
import { takeSetup } from '../features/share/setupLink.ts';
import type { PageServices } from '../page/PageContext.tsx';
import type { PlaygroundStore } from '../store/store.ts';
import type { PageStores } from './PageStores.tsx';

export interface PageEnvironment {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  replaceHash: (hash: string) => void;
  storages: Storages;
  fetchJson?: (url: string) => Promise<Response>;
}

export function browserEnvironment(): PageEnvironment {
  return {
    location: window.location,
    replaceHash: (hash) => {
      const url = `${window.location.pathname}${window.location.search}${hash}`;
      window.history.replaceState(window.history.state, '', url);
    },
    storages: { local: window.localStorage, session: window.sessionStorage },
  };
}

export function createPageServices(store: PlaygroundStore, stores: PageStores, env: PageEnvironment): PageServices {
  const base = storeHandlers(store, stores.tap);
  // A shared setup link (`#setup=…`) is offered once the page is connected.
  const { setup, rest } = takeSetup(env.location.hash);
  if (setup) {
    stores.share.setState({ offered: setup });
    env.replaceHash(rest);
  }
  const access = createAccess({
    location: env.location,
    replaceHash: env.replaceHash,
    storages: env.storages,
    ...(env.fetchJson ? { fetchJson: env.fetchJson } : {}),
  });
  const recorder = new SessionRecorder();
  const resumer = createResumer(store, stores.resume, env.storages);
  let sessionId: string | null = null;
  const handlers: BridgeHandlers = {
    ...base,
    onWelcome(welcome) {
      const sameSession = welcome.resumed === true && welcome.sessionId === sessionId;
      sessionId = welcome.sessionId;
      if (!sameSession && stores.classroom.getState().spotlight) stores.classroom.getState().reset();
      access.welcomed(welcome);
      recorder.welcome(welcome);
      resumer.welcome(welcome);
      base.onWelcome(welcome);
    },
    onBatch(batch) {
      recorder.batch(batch);
      base.onBatch(batch);
    },
    onWire(message) {
      recorder.wire(message);
      base.onWire?.(message);
    },
    onSnapshot(snapshot) {
      // It follows the welcome directly (which applied everything queued), before any new batch.
      recorder.snapshot(snapshot);
      resumer.snapshot(snapshot);
    },
    onClassroom(message) {
      stores.classroom.getState().receive(message);
    },
    onRemovedFromClass() {
      access.removedFromClass();
    },
    onFellBehind() {
      stores.resume.setState({ fellBehind: true });
    },
  };
  return {
    access,
    recorder,
    handlers,
    resume: resumeStorage(env.storages),
    leaving: () => resumer.remember(),
  };
}
