import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TabList, TabPanel, Tabs } from '../../ui/Tabs.tsx';
import { CodePanel } from '../code/CodePanel.tsx';
import { FlowView } from '../flow/FlowView.tsx';
import { KernelView } from '../kernel/KernelView.tsx';
import { EventLog } from '../log/EventLog.tsx';
import { SpawnPanel } from '../spawn/SpawnPanel.tsx';
import { WireView } from '../wire/WireView.tsx';
import './views.css';

export type ViewName = 'log' | 'wire' | 'kernel' | 'flow' | 'clients' | 'code';
const VIEWS: ViewName[] = ['log', 'wire', 'kernel', 'flow', 'clients', 'code'];

/** Only the open view is mounted: the OS view polls the kernel only while it is shown. */
function content(view: ViewName): ReactNode {
  switch (view) {
    case 'log':
      return <EventLog titleHidden />;
    case 'wire':
      return <WireView />;
    case 'kernel':
      return <KernelView />;
    case 'flow':
      return <FlowView />;
    case 'clients':
      return <SpawnPanel />;
    case 'code':
      return <CodePanel />;
  }
}

/** The right-hand views over the inspector: the event log, the wire, the OS view, the flow diagram, many clients, code. */
export function ViewTabs() {
  const { t } = useTranslation();
  const [view, setView] = useState<ViewName>('log');
  return (
    <Tabs value={view} onChange={setView} asChild>
      <section className="panel views" aria-label={t('views.label')} data-testid="views" data-view={view}>
        <TabList
          look="line"
          label={t('views.label')}
          options={VIEWS.map((v) => ({
            value: v,
            label: t(`views.tabs.${v}`),
            hint: t(`views.hints.${v}`),
            testId: `view-tab-${v}`,
          }))}
        />
        {VIEWS.map((v) => (
          <TabPanel key={v} value={v} className={`views__body views__body--${v}`} scrollable={v !== 'log'}>
            {content(v)}
          </TabPanel>
        ))}
      </section>
    </Tabs>
  );
}
