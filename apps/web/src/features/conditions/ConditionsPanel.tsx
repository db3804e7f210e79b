import {
  type ConditionsSettings,
  isServerSocket,
  reachableHost,
  type SocketInfo,
  type Transport,
} from '@playground/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { usePlayground } from '../../bridge/context.tsx';
import { useCommand } from '../../bridge/useCommand.ts';
import type { SocketEntry } from '../../store/state.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { FormError } from '../../ui/form/FormError.tsx';
import { ProtocolPicker } from '../../ui/form/ProtocolPicker.tsx';
import { formatEndpoint } from '../../ui/format.ts';
import { ScrollBody } from '../../ui/ScrollBody.tsx';
import { useNetLab } from '../netlab/model/labStore.ts';
import { LastError, ReachableNote } from '../sockets/SocketNotes.tsx';
import { ConditionsForm } from './ConditionsForm.tsx';
import { RelayStats } from './RelayStats.tsx';
import './conditions.css';

/**
 * Every conditions stage of this session, with its live counts and settings that apply while
 * traffic flows, and a form to put a new one in front of any server.
 */
export function ConditionsPanel() {
  const { t } = useTranslation();
  const keys = usePlayground(
    useShallow((s) =>
      s.order.filter((k) => {
        const e = s.sockets[k];
        return e?.info.kind === 'relay' && e.epoch === s.epoch && e.state !== 'closed';
      }),
    ),
  );
  return (
    <div className="netlab-page" data-testid="conditions-view">
      <NewRelay />
      <section className="netlab-page__results panel" aria-labelledby="relays-title">
        <div className="panel__header">
          <h2 id="relays-title">{t('netlab.conditions.relays')}</h2>
        </div>
        <ScrollBody className="netlab-results">
          <p className="netlab-controls__intro">{t('netlab.conditions.relaysIntro')}</p>
          {keys.length === 0 ? (
            <EmptyState title={t('netlab.conditions.empty.title')}>{t('netlab.conditions.empty.body')}</EmptyState>
          ) : (
            <div className="relay-list">
              {keys.map((key) => (
                <RelayCard key={key} socketKey={key} />
              ))}
            </div>
          )}
        </ScrollBody>
      </section>
    </div>
  );
}

function NewRelay() {
  const { t } = useTranslation();
  const id = useId();
  const command = useCommand();
  const servers = usePlayground(
    useShallow((s) =>
      s.order
        .map((k) => s.sockets[k] as SocketEntry)
        .filter((e) => e.epoch === s.epoch && e.state !== 'closed' && isServerSocket(e.info))
        .map((e) => e.info),
    ),
  );
  const shared = useNetLab((s) => s.settings);
  const sharedSeed = useNetLab((s) => s.seed);
  const [transport, setTransport] = useState<Transport>('udp');
  const [port, setPort] = useState('');
  const [settings, setSettings] = useState<ConditionsSettings>(shared);
  const [seed, setSeed] = useState(sharedSeed);
  const candidates = servers.filter((s) => (transport === 'tcp' ? s.kind === 'tcp-server' : s.kind === 'udp'));
  const chosen = port || String(candidates[candidates.length - 1]?.local?.port ?? '');

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const target = Number(chosen);
    if (!Number.isInteger(target) || target < 1 || target > 65535) return;
    void command.run({
      type: 'conditions.create',
      transport,
      target: { host: '127.0.0.1', port: target },
      settings,
      seed,
    });
  };

  return (
    <form className="netlab-page__controls panel" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <div className="panel__header">
        <h2 id={`${id}-title`}>{t('netlab.conditions.newTitle')}</h2>
      </div>
      <div className="panel__body netlab-controls">
        <p className="netlab-controls__intro">{t('netlab.conditions.newIntro')}</p>
        <ProtocolPicker
          name="relay-transport"
          value={transport}
          onChange={(p) => {
            setTransport(p);
            setPort('');
          }}
        />
        <div className="field">
          <label htmlFor={`${id}-port`}>{t('netlab.conditions.targetPort')}</label>
          <input
            id={`${id}-port`}
            name="targetPort"
            type="number"
            min={1}
            max={65535}
            list={`${id}-servers`}
            value={chosen}
            onChange={(e) => setPort(e.target.value)}
          />
          <datalist id={`${id}-servers`}>
            {candidates.map((s) => (
              <option key={s.id} value={s.local?.port}>
                {`${s.id} ${s.local ? formatEndpoint(s.local) : ''}`}
              </option>
            ))}
          </datalist>
          <p className="field__hint">
            {candidates.length > 0 ? t('netlab.conditions.targetHint') : t('netlab.conditions.noServers')}
          </p>
        </div>
        <ConditionsForm value={settings} onChange={setSettings} scope={transport} seed={seed} onSeed={setSeed} />
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={command.pending || !chosen}>
            {t('netlab.conditions.create')}
          </button>
        </div>
        <FormError error={command.error} />
      </div>
    </form>
  );
}

function RelayCard(props: { socketKey: string }) {
  const { t } = useTranslation();
  const entry = usePlayground((s) => s.sockets[props.socketKey]);
  const live = useNetLab((s) => s.relays[props.socketKey]);
  const prefillClient = usePlayground((s) => s.prefillClient);
  const setPage = useNetLab((s) => s.setPage);
  const command = useCommand();
  const [draft, setDraft] = useState<ConditionsSettings | null>(null);
  if (!entry?.info.conditions) return null;
  const { info } = entry;
  const conditions = info.conditions as NonNullable<SocketInfo['conditions']>;
  const settings = draft ?? conditions.settings;
  const apply = async (next: ConditionsSettings) => {
    setDraft(next);
    const result = await command.run({ type: 'conditions.update', socketId: info.id, settings: next });
    if (result) setDraft(null);
  };
  return (
    <article
      className="relay-card"
      data-testid="relay-card"
      data-socket-id={info.id}
      data-transport={conditions.transport}
    >
      <header className="relay-card__header">
        <h3>
          {t('netlab.conditions.relayTitle', { transport: t(`forms.protocols.${conditions.transport}`) })}{' '}
          <span className="socket-card__id">{info.id}</span>
        </h3>
        <p className="relay-card__path mono">
          {info.local ? formatEndpoint(info.local) : '—'} <span aria-hidden="true">→</span> {t('netlab.conditions.via')}{' '}
          <span aria-hidden="true">→</span> {formatEndpoint(conditions.target)}
        </p>
        <span className="tag">{t('netlab.conditions.seedTag', { seed: conditions.seed })}</span>
      </header>
      <ReachableNote info={info} open={entry.state !== 'closed'} />
      <RelayStats stats={live?.stats ?? null} transport={conditions.transport} />
      <LastError entry={entry} />
      {live && live.flows.length > 0 && (
        <p className="field__hint">
          {t('netlab.conditions.flows', { peers: live.flows.map((f) => formatEndpoint(f.peer)).join(', ') })}
        </p>
      )}
      <details className="relay-card__settings">
        <summary>{t('netlab.conditions.change')}</summary>
        <ConditionsForm value={settings} onChange={(next) => void apply(next)} scope={conditions.transport} />
      </details>
      <div className="button-row">
        {info.local && (
          <button
            type="button"
            className="button"
            onClick={() => {
              prefillClient({
                protocol: conditions.transport,
                host: reachableHost(info.local?.address ?? ''),
                port: info.local?.port ?? 0,
              });
              setPage('sockets');
            }}
          >
            {t('netlab.conditions.connectClient')}
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => void command.run({ type: 'socket.close', socketId: info.id })}
        >
          {t('netlab.conditions.close')}
        </button>
      </div>
      <FormError error={command.error} />
    </article>
  );
}
