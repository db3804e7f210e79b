import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/shell/Loading.tsx';
import { TabList, TabPanel, Tabs } from '../../ui/Tabs.tsx';
import { CompareView } from '../compare/CompareView.tsx';
import { ConditionsPanel } from '../conditions/ConditionsPanel.tsx';
import { useLessons } from '../lessons/lessonStore.ts';
import { SensorView } from '../sensor/SensorView.tsx';
import { useLiveConditions } from './liveConditions.ts';
import { type LabTab, useNetLab } from './model/labStore.ts';
import './netlab.css';

// The lesson panel is the lessons' chunk, shared with the forms pane: loaded only when a lesson is open.
const LessonPanel = lazy(() => import('../lessons/LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })));

const TABS: LabTab[] = ['compare', 'sensor', 'conditions'];

/** The network lab: TCP vs UDP side by side, the sensor stream of seed 003, and the conditions stages. */
export function NetworkLab() {
  const { t } = useTranslation();
  const tab = useNetLab((s) => s.tab);
  const setTab = useNetLab((s) => s.setTab);
  const lessonOpen = useLessons((s) => s.run !== null);
  useLiveConditions();
  return (
    <Tabs value={tab} onChange={setTab} className="netlab" data-testid="network-lab">
      <TabList
        look="box"
        className="netlab__tabs"
        label={t('netlab.title')}
        options={TABS.map((name) => ({
          value: name,
          label: t(`netlab.tabs.${name}`),
          detail: t(`netlab.tabHints.${name}`),
          testId: `netlab-tab-${name}`,
        }))}
      />
      <div className="netlab__main">
        {TABS.map((name) => (
          <TabPanel key={name} value={name} className="netlab__body">
            {name === 'compare' && <CompareView />}
            {name === 'sensor' && <SensorView />}
            {name === 'conditions' && <ConditionsPanel />}
          </TabPanel>
        ))}
        {/* A lesson in progress stays beside the lab: some steps are done here. */}
        {lessonOpen && (
          <aside className="netlab__lesson" aria-label={t('lessons.title')}>
            <Suspense fallback={<Loading />}>
              <LessonPanel />
            </Suspense>
          </aside>
        )}
      </div>
    </Tabs>
  );
}
