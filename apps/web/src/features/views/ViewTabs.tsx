import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CodePanel } from '../code/CodePanel.tsx';
import { FlowView } from '../flow/FlowView.tsx';
import { KernelView } from '../kernel/KernelView.tsx';
import { EventLog } from '../log/EventLog.tsx';
import { SpawnPanel } from '../spawn/SpawnPanel.tsx';
import { WireView } from '../wire/WireView.tsx';

export type ViewName = 'log' | 'wire' | 'kernel' | 'flow' | 'clients' | 'code';
const VIEWS: ViewName[] = ['log', 'wire', 'kernel', 'flow', 'clients', 'code'];

/** Only the open view is mounted: the OS view polls the kernel only while it is shown. */
function content(view: ViewName): ReactNode {
  switch (view) {
    case 'log':
      return <EventLog />;
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
  const id = useId();
  const [view, setView] = useState<ViewName>('log');
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({});

  // Arrow keys move between tabs (and open them), as in any tab list.
  const onKeyDown = (event: KeyboardEvent) => {
    const at = VIEWS.indexOf(view);
    const next =
      event.key === 'ArrowRight'
        ? VIEWS[(at + 1) % VIEWS.length]
        : event.key === 'ArrowLeft'
          ? VIEWS[(at - 1 + VIEWS.length) % VIEWS.length]
          : event.key === 'Home'
            ? VIEWS[0]
            : event.key === 'End'
              ? VIEWS[VIEWS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    setView(next);
    tabs.current[next]?.focus();
  };

  return (
    <section className="panel views" aria-label={t('views.label')} data-testid="views" data-view={view}>
      <div className="views__tabs" role="tablist" aria-label={t('views.label')} onKeyDown={onKeyDown}>
        {VIEWS.map((v) => (
          <button
            key={v}
            ref={(el) => {
              tabs.current[v] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-${v}`}
            className="views__tab"
            aria-selected={view === v}
            aria-controls={`${id}-panel`}
            tabIndex={view === v ? 0 : -1}
            title={t(`views.hints.${v}`)}
            data-testid={`view-tab-${v}`}
            onClick={() => setView(v)}
          >
            {t(`views.tabs.${v}`)}
          </button>
        ))}
      </div>
      <div
        id={`${id}-panel`}
        role="tabpanel"
        aria-labelledby={`${id}-${view}`}
        className={`views__body views__body--${view}`}
      >
        {content(view)}
      </div>
    </section>
  );
}
