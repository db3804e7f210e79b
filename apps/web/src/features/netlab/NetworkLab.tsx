import { type KeyboardEvent, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
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
  const id = useId();
  const tab = useNetLab((s) => s.tab);
  const setTab = useNetLab((s) => s.setTab);
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});
  useLiveConditions();

  const onKeyDown = (event: KeyboardEvent) => {
    const at = TABS.indexOf(tab);
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    const next = TABS[(at + delta + TABS.length) % TABS.length] as LabTab;
    setTab(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="netlab" data-testid="network-lab">
      <div className="netlab__tabs" role="tablist" aria-label={t('netlab.title')} onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              buttons.current[name] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-${name}`}
            aria-selected={tab === name}
            aria-controls={`${id}-panel`}
            tabIndex={tab === name ? 0 : -1}
            className="netlab__tab"
            data-testid={`netlab-tab-${name}`}
            onClick={() => setTab(name)}
          >
            <span className="netlab__tab-name">{t(`netlab.tabs.${name}`)}</span>
            <span className="netlab__tab-hint">{t(`netlab.tabHints.${name}`)}</span>
          </button>
        ))}
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-${tab}`} className="netlab__body">
        {tab === 'compare' && <CompareView />}
        {tab === 'sensor' && <SensorView />}
        {tab === 'conditions' && <ConditionsPanel />}
      </div>
    </div>
  );
}
