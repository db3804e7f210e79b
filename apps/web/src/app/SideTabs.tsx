import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { usePlayground } from '../bridge/context.tsx';
import { ClassServers } from '../features/classroom/ClassServers.tsx';
import { classStore } from '../features/classroom/classStore.ts';
import { LessonPanel } from '../features/lessons/LessonPanel.tsx';
import { lessonStore, loadTeacherLessons } from '../features/lessons/lessonStore.ts';
import { useLessonRuntime } from '../features/lessons/useLessonRuntime.ts';
import { useAccess, useOptionalPage } from './PageContext.tsx';

type Tab = 'create' | 'lessons' | 'class';

/**
 * The left column: the creation forms, the guided lessons, and (in a class) the servers the class
 * shares. The forms stay mounted while hidden, so what was typed in them survives a look at a lesson.
 */
export function SideTabs(props: { children: ReactNode }) {
  const { t } = useTranslation();
  const role = useAccess((s) => s.role);
  const servers = useStore(classStore, (s) => s.info?.servers.length ?? 0);
  const lessonOpen = useStore(lessonStore, (s) => s.run !== null);
  const showClass = role === 'student' || servers > 0;
  const tabs: Tab[] = showClass ? ['create', 'lessons', 'class'] : ['create', 'lessons'];
  const [tab, setTab] = useState<Tab>('create');
  useLessonRuntime();
  const page = useOptionalPage();
  const sessionId = usePlayground((s) => s.connection.sessionId);
  useEffect(() => {
    // After each welcome: the bridge serves the teacher's lessons to holders of a valid token only.
    const token = sessionId ? page?.access.currentToken() : null;
    if (token) void loadTeacherLessons(token);
  }, [sessionId, page]);
  const current = tabs.includes(tab) ? tab : 'create';
  return (
    <>
      <div className="side-tabs" role="tablist" aria-label={t('sideTabs.label')} data-tab={current}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={current === name}
            className="side-tabs__tab"
            data-testid={`side-tab-${name}`}
            onClick={() => setTab(name)}
          >
            {t(`sideTabs.${name}`)}
            {name === 'lessons' && lessonOpen && <span className="side-tabs__dot" aria-hidden="true" />}
            {name === 'class' && servers > 0 && <span className="side-tabs__count">{servers}</span>}
          </button>
        ))}
      </div>
      <div className="side-tabs__panel" hidden={current !== 'create'}>
        {props.children}
      </div>
      {current === 'lessons' && <LessonPanel />}
      {current === 'class' && <ClassServers />}
    </>
  );
}
