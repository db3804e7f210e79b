import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { AccessState } from '../features/join/access.ts';
import type { PageServices } from './page.ts';

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
