import type { ReactNode } from 'react';
import { createResumeStore, ResumeContext, type ResumeStore } from '../features/resume/model/resumeStore.ts';
import { createShareStore, ShareContext, type ShareStore } from '../features/share/shareStore.ts';

/** The page's feature stores beside the main one: one set per page (main.tsx), one per test. */
export interface PageStores {
  resume: ResumeStore;
  share: ShareStore;
}

export function createPageStores(): PageStores {
  return {
    resume: createResumeStore(),
    share: createShareStore(),
  };
}

/** Each store in its own context, so a feature reads only the stores it names. */
export function PageStoresProvider(props: { stores: PageStores; children: ReactNode }) {
  const { stores } = props;
  return (
    <ResumeContext value={stores.resume}>
      <ShareContext value={stores.share}>{props.children}</ShareContext>
    </ResumeContext>
  );
}
