import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { BridgeHandlers } from '../bridge/client.ts';
import type { Access, AccessState } from '../features/join/model/access.ts';
import type { SessionRecorder } from '../features/replay/model/recorder.ts';

/**
 * What the page adds around the bridge client and the store for classrooms and sessions: who this
 * page is (local, student, teacher) and its token, resuming, the recording for "Export log", and
 * the classroom's messages. main.tsx builds it once (app/page.ts); tests build their own.
 */
export interface PageServices {
  access: Access;
  recorder: SessionRecorder;
  handlers: BridgeHandlers;
  resume: { get(): string | null; set(token: string | null): void };
  /** Called when the page goes away (reload, tab closed). */
  leaving(): void;
}

const PageContext = createContext<PageServices | null>(null);

export function PageProvider(props: { page: PageServices; children: ReactNode }) {
  return <PageContext.Provider value={props.page}>{props.children}</PageContext.Provider>;
}

/** The page's services; null where a component is rendered on its own (component tests). */
export function useOptionalPage(): PageServices | null {
  return useContext(PageContext);
}

/** A page on its own computer, for components rendered without the page around them. */
const STANDALONE = createStore<AccessState>()(() => ({
  mode: null,
  role: null,
  name: null,
  studentId: null,
  view: 'app',
  joinReason: null,
  codeFromLink: '',
  teacherView: 'sockets',
  joined: () => {},
  showTeacherView: () => {},
}));

/** Who this page is: mode, role, name, and whether it shows the join screen. */
export function useAccess<T>(selector: (state: AccessState) => T): T {
  const page = useContext(PageContext);
  return useStore(page?.access.store ?? STANDALONE, selector);
}
