import { lazy, Suspense } from 'react';
import { useReplay } from '../features/replay/replayStore.ts';
import { useAccess } from '../page/PageContext.tsx';
import { Loading } from '../ui/shell/Loading.tsx';
import { App } from './App.tsx';

// Pages other than the playground load when they are first shown.
const ClassPage = lazy(() => import('./ClassPage.tsx').then((m) => ({ default: m.ClassPage })));
const JoinScreen = lazy(() => import('../features/join/JoinScreen.tsx').then((m) => ({ default: m.JoinScreen })));
const ReplayApp = lazy(() => import('../features/replay/ReplayApp.tsx').then((m) => ({ default: m.ReplayApp })));

/**
 * Which page to show: a log opened in the viewer (no bridge needed), the join screen of a class,
 * the teacher's class page, or the playground itself.
 */
export function Root() {
  const replaying = useReplay((s) => s.replay !== null);
  const view = useAccess((s) => s.view);
  const role = useAccess((s) => s.role);
  const teacherView = useAccess((s) => s.teacherView);
  const page = replaying ? (
    <ReplayApp />
  ) : view === 'join' ? (
    <JoinScreen />
  ) : role === 'teacher' && teacherView === 'class' ? (
    <ClassPage />
  ) : (
    <App />
  );
  return <Suspense fallback={<Loading />}>{page}</Suspense>;
}
