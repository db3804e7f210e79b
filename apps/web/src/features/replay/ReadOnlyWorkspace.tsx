import { memo, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { type BridgeApi, BridgeRequestError } from '../../bridge/client.ts';
import { PlaygroundProvider, usePlayground } from '../../bridge/context.tsx';
import type { SocketEntry } from '../../store/state.ts';
import type { PlaygroundStore } from '../../store/store.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { formatEndpoint } from '../../ui/format.ts';
import { socketLabel } from '../../ui/socketLabel.ts';
import { TabList, TabPanel, Tabs } from '../../ui/Tabs.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { EventLog } from '../log/EventLog.tsx';
import { CounterList } from '../sockets/CounterList.tsx';
import { StateBadge } from '../sockets/StateBadge.tsx';
import { WireWitness } from '../wire/WireView.tsx';
import '../../ui/cardButton.css';
import './readonly.css';

/** Views of someone else's session (a spotlighted student) or of a saved log: nothing can be sent. */
const READ_ONLY: BridgeApi = {
  send: () =>
    Promise.reject(
      new BridgeRequestError({ code: 'disconnected', message: 'This view is read-only: it drives no sockets.' }),
    ),
  reconnectNow: () => {},
};

/** Sockets, event log and byte inspector of a store that is only watched. */
export function ReadOnlyWorkspace(props: { store: PlaygroundStore; header?: ReactNode; large?: boolean }) {
  return (
    <PlaygroundProvider store={props.store} bridge={READ_ONLY}>
      <div className={`readonly ${props.large ? 'readonly--large' : ''}`} data-testid="readonly-workspace">
        {props.header}
        <div className="readonly__grid">
          <div className="readonly__sockets">
            <ReadOnlySockets />
          </div>
          <div className="readonly__log">
            <LogOrWire />
          </div>
          <div className="readonly__inspector">
            <Inspector />
          </div>
        </div>
      </div>
    </PlaygroundProvider>
  );
}

/** The event log, and (when the session captured packets) the wire beside it on a second tab. */
function LogOrWire() {
  const { t } = useTranslation();
  const hasWire = usePlayground((s) => s.wire.entries.length > 0 || s.wire.status?.capture !== undefined);
  const [view, setView] = useState<'log' | 'wire'>('log');
  if (!hasWire) return <EventLog />;
  return (
    <Tabs value={view} onChange={setView} asChild>
      <section className="panel views readonly__views" aria-label={t('views.label')} data-view={view}>
        <TabList
          look="line"
          label={t('views.label')}
          options={(['log', 'wire'] as const).map((v) => ({
            value: v,
            label: t(`views.tabs.${v}`),
            testId: `readonly-tab-${v}`,
          }))}
        />
        <TabPanel value="log" className="views__body views__body--log">
          <EventLog titleHidden />
        </TabPanel>
        <TabPanel value="wire" className="views__body views__body--wire" scrollable>
          <WireWitness live={false} />
        </TabPanel>
      </section>
    </Tabs>
  );
}

function ReadOnlySockets() {
  const { t } = useTranslation();
  const keys = usePlayground(useShallow((s) => s.order));
  return (
    <section className="panel" aria-labelledby="readonly-sockets-title">
      <div className="panel__header">
        <h2 id="readonly-sockets-title">{t('app.regions.sockets')}</h2>
      </div>
      <div className="panel__body readonly__list">
        {keys.length === 0 ? (
          <EmptyState title={t('sockets.empty.title')}>{t('replay.noSockets')}</EmptyState>
        ) : (
          keys.map((key) => <ReadOnlyCard key={key} socketKey={key} />)
        )}
      </div>
    </section>
  );
}

/** Memoised: a card renders again only when its own socket (or whether it is selected) changed. */
const ReadOnlyCard = memo(function ReadOnlyCard(props: { socketKey: string }) {
  const { t } = useTranslation();
  const entry = usePlayground((s) => s.sockets[props.socketKey]) as SocketEntry | undefined;
  const selected = usePlayground((s) => s.selection.key === props.socketKey);
  const select = usePlayground((s) => s.select);
  if (!entry) return null;
  const { info } = entry;
  return (
    <button
      type="button"
      className={`card-button readonly-card ${selected ? 'readonly-card--selected' : ''}`}
      data-testid="readonly-socket"
      data-socket-id={info.id}
      data-kind={info.kind}
      data-state={entry.state}
      aria-pressed={selected}
      onClick={() => select(props.socketKey)}
    >
      <span className="readonly-card__title">
        <strong>{socketLabel(t, entry)}</strong>
        <StateBadge state={entry.state} />
      </span>
      <span className="readonly-card__addr">
        {info.local ? formatEndpoint(info.local) : '—'}
        {info.remote ? ` → ${formatEndpoint(info.remote)}` : ''}
      </span>
      <CounterList counters={entry.counters} />
    </button>
  );
});
