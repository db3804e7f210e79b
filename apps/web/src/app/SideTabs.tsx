import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../bridge/context.tsx';
import { useClassroom } from '../features/classroom/model/classStore.ts';
import { useLessonStore, useLessons } from '../features/lessons/lessonStore.ts';
import { useLessonRuntime } from '../features/lessons/useLessonRuntime.ts';
import { useAccess, useOptionalPage } from '../page/PageContext.tsx';
import { Loading } from '../ui/shell/Loading.tsx';
import { TabList, TabPanel, Tabs } from '../ui/Tabs.tsx';

type Tab = 'create' | 'lessons' | 'class' | 'python';

// Lessons and the class's servers load the first time their tab is opened.
const LessonPanel = lazy(() => import('../features/lessons/LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })));
// Python (its editor, and the interpreter on the first Run) loads only when its tab opens.
const PythonPanel = lazy(() => import('../features/python/PythonPanel.tsx').then((m) => ({ default: m.PythonPanel })));
const ClassServers = lazy(() =>
  import('../features/classroom/ClassServers.tsx').then((m) => ({ default: m.ClassServers })),
);

/**
 * The forms pane: the creation forms, the guided lessons, and (in a class) the servers the class
 * shares. The forms stay mounted while hidden, so what was typed in them survives a look at a lesson.
 */
export function SideTabs(props: { children: ReactNode }) {
  const { t } = useTranslation();
  const role = useAccess((s) => s.role);
  const servers = useClassroom((s) => s.info?.servers.length ?? 0);
  const lessons = useLessonStore();
  const lessonOpen = useLessons((s) => s.run !== null);
  const showClass = role === 'student' || servers > 0;
  const tabs: Tab[] = showClass ? ['create', 'lessons', 'class', 'python'] : ['create', 'lessons', 'python'];
  const [tab, setTab] = useState<Tab>('create');
  // Once opened, the Python panel stays mounted, so a running program survives a look at another tab.
  const [pythonOpened, setPythonOpened] = useState(false);
  if (tab === 'python' && !pythonOpened) setPythonOpened(true);
  useLessonRuntime();
  const page = useOptionalPage();
  const sessionId = usePlayground((s) => s.connection.sessionId);
  useEffect(() => {
    void lessons.getState().loadBuiltin();
  }, [lessons]);
  useEffect(() => {
    // After each welcome: the bridge serves the teacher's lessons to holders of a valid token only.
    const token = sessionId ? page?.access.currentToken() : null;
    if (token) void lessons.getState().loadTeacher(token);
  }, [lessons, sessionId, page]);
  const current = tabs.includes(tab) ? tab : 'create';
  return (
    <Tabs value={current} onChange={setTab} className="side-tabs">
      <TabList
        look="pill"
        label={t('sideTabs.label')}
        options={tabs.map((name) => ({
          value: name,
          testId: `side-tab-${name}`,
          label: (
            <>
              {t(`sideTabs.${name}`)}
              {name === 'lessons' && lessonOpen && <span className="side-tabs__dot" aria-hidden="true" />}
              {name === 'class' && servers > 0 && <span className="side-tabs__count">{servers}</span>}
            </>
          ),
        }))}
      />
      <TabPanel value="create" keepMounted className="side-tabs__panel">
        {props.children}
      </TabPanel>
      <TabPanel value="lessons" className="side-tabs__panel">
        <Suspense fallback={<Loading />}>
          <LessonPanel />
        </Suspense>
      </TabPanel>
      {pythonOpened && (
        <TabPanel value="python" keepMounted className="side-tabs__panel">
          <Suspense fallback={<Loading />}>
            <PythonPanel />
          </Suspense>
        </TabPanel>
      )}
      {showClass && (
        <TabPanel value="class" className="side-tabs__panel">
          <Suspense fallback={<Loading />}>
            <ClassServers />
          </Suspense>
        </TabPanel>
      )}
    </Tabs>
  );
}
