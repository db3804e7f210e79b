import { useTranslation } from 'react-i18next';
import { TabList, TabPanel, Tabs } from '../../ui/Tabs.tsx';
import { CompareView } from '../compare/CompareView.tsx';
import { ConditionsPanel } from '../conditions/ConditionsPanel.tsx';
import { SensorView } from '../sensor/SensorView.tsx';
import { type LabTab, useNetLab } from './labStore.ts';
import { useLiveConditions } from './liveConditions.ts';
import './netlab.css';

const TABS: LabTab[] = ['compare', 'sensor', 'conditions'];

/** The network lab: TCP vs UDP side by side, the sensor stream of seed 003, and the conditions stages. */
export function NetworkLab() {
  const { t } = useTranslation();
  const tab = useNetLab((s) => s.tab);
  const setTab = useNetLab((s) => s.setTab);
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
      {TABS.map((name) => (
        <TabPanel key={name} value={name} className="netlab__body">
          {name === 'compare' && <CompareView />}
          {name === 'sensor' && <SensorView />}
          {name === 'conditions' && <ConditionsPanel />}
        </TabPanel>
      ))}
    </Tabs>
  );
}
