import { MAX_SPAWN_CLIENTS, MAX_SPAWN_MESSAGES, reachableHost } from '@playground/protocol';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { usePlayground } from '../../bridge/context.tsx';
import { useCommand } from '../../bridge/useCommand.ts';
import type { SocketEntry } from '../../store/state.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Field, NumberInputField } from '../../ui/form/Field.tsx';
import { FormError } from '../../ui/form/FormError.tsx';
import type { FieldProblems } from '../../ui/form/validate.ts';
import { formatEndpoint } from '../../ui/format.ts';
import { isLabSocket, useNetLab } from '../netlab/model/labStore.ts';
import { groupName } from '../sockets/SocketGroup.tsx';
import { StateBadge } from '../sockets/StateBadge.tsx';
import { buildSpawnCommand, MAX_INTERVAL_MS, SPAWN_DEFAULTS, type SpawnValues } from './spawnCommand.ts';
import './spawn.css';

/** How many clients, messages and milliseconds between them, in the bounds buildSpawnCommand checks. */
const AMOUNTS: {
  name: 'count' | 'messages' | 'intervalMs';
  label: 'count' | 'messages' | 'interval';
  hint?: 'intervalHint';
  min: number;
  max: number;
  step?: number;
}[] = [
  { name: 'count', label: 'count', min: 1, max: MAX_SPAWN_CLIENTS },
  { name: 'messages', label: 'messages', min: 0, max: MAX_SPAWN_MESSAGES },
  { name: 'intervalMs', label: 'interval', hint: 'intervalHint', min: 0, max: MAX_INTERVAL_MS, step: 50 },
];

/** What each group was asked to do, so its lanes can show progress: kept across tab switches. */
const expected = new Map<string, number>();

interface Group {
  id: string;
  name: string;
  lanes: SocketEntry[];
}

/** "Many clients": spawn N clients × M messages, then watch each one as a lane with its totals. */
export function SpawnPanel() {
  const { t } = useTranslation();
  const id = useId();
  const command = useCommand();
  const limits = usePlayground((s) => s.connection.limits);
  const epoch = usePlayground((s) => s.epoch);
  const labKeys = useNetLab((s) => s.labKeys);
  // The learner's newest server: the network lab's servers are its own plumbing.
  const newestServer = usePlayground((s) => {
    for (let i = s.order.length - 1; i >= 0; i--) {
      const e = s.sockets[s.order[i] as string];
      if (e?.info.kind === 'tcp-server' && e.state === 'listening' && e.info.local && !isLabSocket(labKeys, e)) {
        return e.info.local;
      }
    }
    return undefined;
  });
  const [values, setValues] = useState<SpawnValues>(SPAWN_DEFAULTS);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [touchedTarget, setTouchedTarget] = useState(false);
  const [formOpen, setFormOpen] = useState(true);
  const set = <K extends keyof SpawnValues>(key: K, value: SpawnValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  // Aimed at the newest server until the learner types a target of their own.
  useEffect(() => {
    if (!newestServer || touchedTarget) return;
    setValues((v) => ({ ...v, host: reachableHost(newestServer.address), port: String(newestServer.port) }));
  }, [newestServer, touchedTarget]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const built = buildSpawnCommand(values);
    setProblems(built.problems);
    if (built.command?.type !== 'tcp.spawn') return;
    const size = new TextEncoder().encode(values.message).length;
    const result = await command.run(built.command, { timeoutMs: 30_000 });
    const group = result?.sockets?.[0]?.group;
    if (group) {
      expected.set(`${epoch}:${group}`, (built.command.messages ?? 1) * size);
      setFormOpen(false);
    }
  };

  return (
    <div className="spawn" data-testid="spawn-panel">
      <form className="spawn__form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        {/* Folded after a spawn, so the groups below get the room. */}
        <details open={formOpen} onToggle={(e) => setFormOpen(e.currentTarget.open)}>
          <summary className="spawn__summary">
            <h3 id={`${id}-title`} className="spawn__title">
              {t('spawn.title')}
            </h3>
          </summary>
          <p className="spawn__intro">{t('spawn.intro')}</p>
          <div className="spawn__fields">
            <Field id={`${id}-host`} label={t('forms.host')} problem={problems.host} className="spawn__host">
              <input
                id={`${id}-host`}
                name="host"
                type="text"
                spellCheck={false}
                value={values.host}
                onChange={(e) => {
                  setTouchedTarget(true);
                  set('host', e.target.value);
                }}
              />
            </Field>
            <NumberInputField
              id={`${id}-port`}
              name="port"
              label={t('forms.port')}
              min={1}
              max={65535}
              value={values.port}
              problem={problems.port}
              className="spawn__num"
              onChange={(v) => {
                setTouchedTarget(true);
                set('port', v);
              }}
            />
            {AMOUNTS.map(({ name, label, hint, ...bounds }) => (
              <NumberInputField
                key={name}
                id={`${id}-${name}`}
                name={name}
                label={t(`spawn.${label}`)}
                {...bounds}
                value={values[name]}
                problem={problems[name]}
                className="spawn__num"
                input={hint && { title: t(`spawn.${hint}`) }}
                onChange={(v) => set(name, v)}
              />
            ))}
            <Field id={`${id}-message`} label={t('spawn.message')} className="spawn__message">
              <input
                id={`${id}-message`}
                name="message"
                type="text"
                spellCheck={false}
                value={values.message}
                onChange={(e) => set('message', e.target.value)}
              />
            </Field>
          </div>
          <div className="spawn__submit">
            <label className="toggle">
              <input type="checkbox" name="end" checked={values.end} onChange={(e) => set('end', e.target.checked)} />
              {t('spawn.end')}
            </label>
            <button type="submit" className="button button--primary" disabled={command.pending}>
              {t('spawn.submit')}
            </button>
          </div>
          <p className="field__hint">
            {t('spawn.limits', {
              clients: MAX_SPAWN_CLIENTS,
              messages: MAX_SPAWN_MESSAGES,
              maxSockets: limits?.maxSockets ?? 200,
            })}
          </p>
          <FormError error={command.error} />
        </details>
      </form>
      <SpawnGroups />
    </div>
  );
}

function SpawnGroups() {
  const { t } = useTranslation();
  // Newest group first; a group's lanes in the order its clients were opened.
  const keys = usePlayground(useShallow((s) => s.order.filter((k) => s.sockets[k]?.info.group !== undefined)));
  const sockets = usePlayground((s) => s.sockets);
  const groups = useMemo(() => {
    const byName = new Map<string, Group>();
    for (const key of keys) {
      const entry = sockets[key];
      if (!entry?.info.group) continue;
      const gid = `${entry.epoch}:${entry.info.group}`;
      let group = byName.get(gid);
      if (!group) {
        group = { id: gid, name: entry.info.group, lanes: [] };
        byName.set(gid, group);
      }
      group.lanes.push(entry);
    }
    return [...byName.values()].reverse();
  }, [keys, sockets]);

  if (groups.length === 0) {
    return <EmptyState title={t('spawn.empty.title')}>{t('spawn.empty.body')}</EmptyState>;
  }
  return (
    <div className="spawn__groups">
      {groups.map((g) => (
        <SpawnGroup key={g.id} group={g} />
      ))}
    </div>
  );
}

function SpawnGroup(props: { group: Group }) {
  const { t } = useTranslation();
  const select = usePlayground((s) => s.select);
  const { lanes } = props.group;
  const sent = lanes.reduce((n, e) => n + e.counters.bytesOut, 0);
  const received = lanes.reduce((n, e) => n + e.counters.bytesIn, 0);
  const open = lanes.filter((e) => e.state !== 'closed').length;
  const target = lanes[0]?.info.remote;
  const goal =
    expected.get(props.group.id) ?? Math.max(1, ...lanes.map((e) => Math.max(e.counters.bytesOut, e.counters.bytesIn)));
  return (
    <section className="spawn-group" data-testid="spawn-group" data-group={props.group.name}>
      <header className="spawn-group__header">
        <h3>
          <span>{groupName(t, props.group.name)}</span> ·{' '}
          {t('spawn.group', { count: lanes.length, target: target ? formatEndpoint(target) : '' })}
        </h3>
        <p
          className="spawn-group__totals"
          data-testid="spawn-totals"
          data-sent={sent}
          data-received={received}
          data-open={open}
        >
          {t('spawn.totals', { sent, received, open, closed: lanes.length - open })}
        </p>
      </header>
      <table className="spawn-lanes">
        <thead>
          <tr>
            <th scope="col">{t('spawn.columns.client')}</th>
            <th scope="col">{t('spawn.columns.local')}</th>
            <th scope="col">{t('spawn.columns.state')}</th>
            <th scope="col">{t('spawn.columns.sent')}</th>
            <th scope="col">{t('spawn.columns.received')}</th>
          </tr>
        </thead>
        <tbody>
          {lanes.map((e) => (
            <tr
              key={e.key}
              className="spawn-lane"
              data-testid="spawn-lane"
              data-socket-id={e.info.id}
              data-sent={e.counters.bytesOut}
              data-received={e.counters.bytesIn}
              data-state={e.state}
            >
              <td>
                <button type="button" className="spawn-lane__name" onClick={() => select(e.key)}>
                  {e.info.id}
                </button>
              </td>
              <td className="mono">{e.info.local?.port ?? '—'}</td>
              <td>
                <StateBadge state={e.state} />
              </td>
              <td>
                <Bar value={e.counters.bytesOut} goal={goal} tone="send" />
              </td>
              <td>
                <Bar value={e.counters.bytesIn} goal={goal} tone="recv" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Bar(props: { value: number; goal: number; tone: 'send' | 'recv' }) {
  const { t } = useTranslation();
  const share = Math.min(1, props.value / Math.max(1, props.goal));
  return (
    <div className={`spawn-bar spawn-bar--${props.tone}`}>
      <div className="spawn-bar__track" aria-hidden="true">
        <div className="spawn-bar__fill" style={{ width: `${share * 100}%` }} />
      </div>
      <span className="spawn-bar__value mono">{t('spawn.bytes', { count: props.value })}</span>
    </div>
  );
}
