import { useStore } from 'zustand';
import { ClassApp } from '../features/classroom/ClassApp.tsx';
import { JoinScreen } from '../features/join/JoinScreen.tsx';
import { ReplayApp } from '../features/replay/ReplayApp.tsx';
import { replayStore } from '../features/replay/replayStore.ts';
import { App } from './App.tsx';
import { useAccess } from './PageContext.tsx';

/**
 * Which page to show: a log opened in the viewer (no bridge needed), the join screen of a class,
 * the teacher's class page, or the playground itself.
 */
export function Root() {
  const replaying = useStore(replayStore, (s) => s.replay !== null);
  const view = useAccess((s) => s.view);
  const role = useAccess((s) => s.role);
  const teacherView = useAccess((s) => s.teacherView);
  if (replaying) return <ReplayApp />;
  if (view === 'join') return <JoinScreen />;
  if (role === 'teacher' && teacherView === 'class') return <ClassApp />;
  return <App />;
}
