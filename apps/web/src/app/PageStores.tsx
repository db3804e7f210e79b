import type { ReactNode } from 'react';
import { BatchTap } from '../bridge/batchTap.ts';
import { ClassContext, type ClassStore, createClassStore } from '../features/classroom/model/classStore.ts';
import { CompareContext, type CompareStore, createCompareStore } from '../features/compare/model/compareRun.ts';
import { createLessonStore, LessonContext, type LessonStore } from '../features/lessons/lessonStore.ts';
import { createNetLabStore, NetLabContext, type NetLabStore } from '../features/netlab/model/labStore.ts';
import { createReplayStore, ReplayContext, type ReplayStore } from '../features/replay/replayStore.ts';
import { createResumeStore, ResumeContext, type ResumeStore } from '../features/resume/model/resumeStore.ts';
import { createSensorStore, SensorContext, type SensorStore } from '../features/sensor/model/sensorRun.ts';
import { createShareStore, ShareContext, type ShareStore } from '../features/share/shareStore.ts';

/** The page's feature stores beside the main one: one set per page (main.tsx), one per test. */
export interface PageStores {
  /** The event batches as the main store applied them, for the labs that read every event. */
  tap: BatchTap;
  classroom: ClassStore;
  compare: CompareStore;
  lessons: LessonStore;
  netLab: NetLabStore;
  replay: ReplayStore;
  resume: ResumeStore;
  sensor: SensorStore;
  share: ShareStore;
}

export function createPageStores(): PageStores {
  const tap = new BatchTap();
  return {
    tap,
    classroom: createClassStore(),
    compare: createCompareStore(tap),
    lessons: createLessonStore(),
    netLab: createNetLabStore(tap),
    replay: createReplayStore(),
    resume: createResumeStore(),
    sensor: createSensorStore(tap),
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
            <ShareContext value={stores.share}>
              <NetLabContext value={stores.netLab}>
                <CompareContext value={stores.compare}>
                  <SensorContext value={stores.sensor}>{props.children}</SensorContext>
                </CompareContext>
              </NetLabContext>
            </ShareContext>
          </ResumeContext>
        </ReplayContext>
      </LessonContext>
    </ClassContext>
  );
}
