import type { ReactNode } from 'react';
import { ClassContext, type ClassStore, createClassStore } from '../features/classroom/model/classStore.ts';
import { createLessonStore, LessonContext, type LessonStore } from '../features/lessons/lessonStore.ts';
import { createReplayStore, ReplayContext, type ReplayStore } from '../features/replay/replayStore.ts';
import { createResumeStore, ResumeContext, type ResumeStore } from '../features/resume/model/resumeStore.ts';
import { createShareStore, ShareContext, type ShareStore } from '../features/share/shareStore.ts';

/** The page's feature stores beside the main one: one set per page (main.tsx), one per test. */
export interface PageStores {
  classroom: ClassStore;
  lessons: LessonStore;
  replay: ReplayStore;
  resume: ResumeStore;
  share: ShareStore;
}

export function createPageStores(): PageStores {
  return {
    classroom: createClassStore(),
    lessons: createLessonStore(),
    replay: createReplayStore(),
    resume: createResumeStore(),
    share: createShareStore(),
  };
}

/** Each store in its own context, so a feature reads only the stores it names. */
export function PageStoresProvider(props: { stores: PageStores; children: ReactNode }) {
  const { stores } = props;
  return (
    <ClassContext value={stores.classroom}>
      <LessonContext value={stores.lessons}>
        <ReplayContext value={stores.replay}>
          <ResumeContext value={stores.resume}>
            <ShareContext value={stores.share}>{props.children}</ShareContext>
          </ResumeContext>
        </ReplayContext>
      </LessonContext>
    </ClassContext>
  );
}
