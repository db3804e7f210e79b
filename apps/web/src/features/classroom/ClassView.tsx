import type { RosterSocket, RosterStudent } from '@playground/protocol';
import { memo, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { usePlayground } from '../../bridge/context.tsx';
import type { SocketEntry } from '../../bridge/state.ts';
import { useCommand } from '../../bridge/useCommand.ts';
import { formatError } from '../../i18n/formatError.ts';
import { FormError } from '../../ui/form/FormError.tsx';
import { formatEndpoint } from '../../ui/format.ts';
import { formatNumber } from '../../ui/numbers.ts';
import { StepDots } from '../../ui/StepDots.tsx';
import { ReadOnlyWorkspace } from '../replay/ReadOnlyWorkspace.tsx';
import { StateBadge } from '../sockets/StateBadge.tsx';
import { classStore } from './classStore.ts';
import { JoinsCard } from './JoinsCard.tsx';
import { QrCode } from './QrCode.tsx';
import { useClassWatch } from './useClassWatch.ts';
import './classroom.css';

export function ClassView() {
  useClassWatch();
  const spotlight = useStore(classStore, (s) => s.spotlight);
  return (
    <main
      id="work"
      tabIndex={-1}
      className={`class-page ${spotlight ? 'class-page--spotlight' : ''}`}
      data-testid="class-page"
    >
      <aside className="class-page__side" hidden={spotlight !== null}>
        <JoinCard />
        <SharedServers />
        <JoinsCard />
      </aside>
      <div className="class-page__main">{spotlight ? <SpotlightPanel /> : <Roster />}</div>
    </main>
  );
}

/** `K7Q X2M`: two groups of three are easier to read aloud and to copy from the back of the room. */
function spaced(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

function JoinCard() {
  const { t } = useTranslation();
  const code = useStore(classStore, (s) => s.roster?.joinCode ?? null);
  const urls = useStore(
    classStore,
    useShallow((s) => s.roster?.joinUrls ?? []),
  );
  const first = urls[0];
  return (
    <section className="panel class-card join-card" aria-labelledby="join-card-title">
      <h2 id="join-card-title">{t('classroom.join.title')}</h2>
      {code ? (
        <>
          <p className="join-card__step">{t('classroom.join.open')}</p>
          <ul className="join-card__urls">
            {urls.map((url) => (
              <li key={url} data-testid="join-url">
                {url}
              </li>
            ))}
          </ul>
          <p className="join-card__step">{t('classroom.join.type')}</p>
          <p className="join-card__code" data-testid="join-code">
            {spaced(code)}
          </p>
          {first && <QrCode text={`${first}#join=${code}`} label={t('classroom.join.qr', { url: first })} size={168} />}
        </>
      ) : (
        <p className="class-card__muted">{t('classroom.join.noCode')}</p>
      )}
    </section>
  );
}

/** The teacher's own servers, each one click from being shared with the class; and peer access. */
function SharedServers() {
  const { t } = useTranslation();
  const published = useStore(
    classStore,
    useShallow((s) => (s.roster?.published ?? []).map((p) => p.socketId)),
  );
  const allowPeers = useStore(classStore, (s) => s.roster?.allowPeers ?? false);
  const servers = usePlayground(
    useShallow((s) =>
      s.order
        .map((k) => s.sockets[k] as SocketEntry)
        .filter(
          (e) =>
            e.epoch === s.epoch &&
            !e.stale &&
            e.state !== 'closed' &&
            (e.info.kind === 'tcp-server' || (e.info.kind === 'udp' && !e.info.remote)),
        ),
    ),
  );
  const command = useCommand();

  const startShared = async (kind: 'tcp' | 'udp') => {
    const result = await command.run(
      kind === 'tcp'
        ? { type: 'tcp.listen', host: '0.0.0.0', port: 0, recvSize: 1024, behaviour: 'echo' }
        : { type: 'udp.bind', host: '0.0.0.0', port: 0, recvSize: 1024, behaviour: 'echo' },
    );
    if (result?.socket) await command.run({ type: 'class.publish', socketId: result.socket.id, published: true });
  };

  return (
    <section className="panel class-card" aria-labelledby="shared-title" data-testid="shared-servers">
      <h2 id="shared-title">{t('classroom.shared.title')}</h2>
      <p className="class-card__muted">{t('classroom.shared.intro')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--small button--primary"
          data-testid="start-shared-echo"
          disabled={command.pending}
          onClick={() => void startShared('tcp')}
        >
          {t('classroom.shared.startTcp')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={command.pending}
          onClick={() => void startShared('udp')}
        >
          {t('classroom.shared.startUdp')}
        </button>
      </div>
      {servers.length === 0 ? (
        <p className="class-card__muted">{t('classroom.shared.none')}</p>
      ) : (
        <ul className="shared-list">
          {servers.map((e) => {
            const on = published.includes(e.info.id);
            return (
              <li key={e.key} className="shared-list__item" data-testid="shared-server" data-socket-id={e.info.id}>
                <span>
                  <strong>{t(`sockets.kinds.${e.info.kind}`)}</strong> {e.info.id}
                  {e.info.local ? ` · ${formatEndpoint(e.info.local)}` : ''}
                  {e.info.behaviour ? ` · ${e.info.behaviour}` : ''}
                </span>
                <label className="toggle">
                  <input
                    type="checkbox"
                    checked={on}
                    data-testid="publish-toggle"
                    onChange={(ev) =>
                      void command.run({ type: 'class.publish', socketId: e.info.id, published: ev.target.checked })
                    }
                  />
                  {t('classroom.shared.publish')}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <label className="toggle class-card__peers">
        <input
          type="checkbox"
          checked={allowPeers}
          data-testid="allow-peers"
          onChange={(ev) => void command.run({ type: 'class.allowPeers', allowed: ev.target.checked })}
        />
        {t('classroom.shared.allowPeers')}
      </label>
      <FormError error={command.error} />
    </section>
  );
}

function Roster() {
  const { t } = useTranslation();
  const students = useStore(classStore, (s) => s.roster?.students ?? null);
  const [filter, setFilter] = useState('');
  const id = useId();
  if (students === null) {
    return (
      <section className="panel roster" aria-label={t('classroom.roster.title')}>
        <p className="class-card__muted roster__empty">{t('classroom.roster.loading')}</p>
      </section>
    );
  }
  const connected = students.filter((s) => s.presence === 'connected').length;
  const away = students.filter((s) => s.presence === 'away').length;
  const shown = filter ? students.filter((s) => s.name.toLowerCase().includes(filter.toLowerCase())) : students;
  return (
    <section className="panel roster" aria-labelledby={`${id}-title`} data-testid="roster">
      <div className="panel__header">
        <h2 id={`${id}-title`}>{t('classroom.roster.title')}</h2>
        <span className="roster__counts" data-testid="roster-counts">
          {t('classroom.roster.counts', { connected, away, total: students.length })}
        </span>
        <label htmlFor={`${id}-filter`} className="visually-hidden">
          {t('classroom.roster.filter')}
        </label>
        <input
          id={`${id}-filter`}
          type="text"
          className="roster__filter"
          placeholder={t('classroom.roster.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <div className="panel__body">
        {students.length === 0 ? (
          <p className="class-card__muted roster__empty">{t('classroom.roster.empty')}</p>
        ) : (
          <ul className="roster__grid">
            {shown.map((student) => (
              <StudentCard key={student.studentId} student={student} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function bytes(sockets: RosterSocket[]): { in: number; out: number } {
  let i = 0;
  let o = 0;
  for (const s of sockets) {
    i += s.counters.bytesIn;
    o += s.counters.bytesOut;
  }
  return { in: i, out: o };
}

/** One student on the roster: presence, lesson progress, sockets with live counters, and what the teacher may do. */
const StudentCard = memo(function StudentCard(props: { student: RosterStudent }) {
  const { t } = useTranslation();
  const { student } = props;
  const command = useCommand();
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (!confirming) return;
    const timer = setTimeout(() => setConfirming(false), 4000);
    return () => clearTimeout(timer);
  }, [confirming]);
  const open = student.sockets.filter((s) => s.state !== 'closed');
  const totals = bytes(student.sockets);
  const progress = student.progress;
  return (
    <li
      className={`student student--${student.presence}`}
      data-testid="student"
      data-student-id={student.studentId}
      data-name={student.name}
      data-presence={student.presence}
    >
      <div className="student__head">
        <span className={`presence presence--${student.presence}`} title={t(`classroom.presence.${student.presence}`)}>
          <span className="presence__dot" aria-hidden="true" />
          <span className="visually-hidden">{t(`classroom.presence.${student.presence}`)}</span>
        </span>
        <h3 className="student__name">{student.name}</h3>
        {student.sessions > 1 && (
          <span className="student__tabs">{t('classroom.student.tabs', { count: student.sessions })}</span>
        )}
      </div>
      {progress ? (
        <div className="student__lesson" data-testid="student-progress" data-done={progress.done.length}>
          <span className="student__lesson-title">{progress.title}</span>
          <StepDots
            count={progress.steps}
            step={progress.step}
            done={progress.done}
            label={t('classroom.student.progress', {
              step: progress.step + 1,
              steps: progress.steps,
              done: progress.done.length,
            })}
          />
        </div>
      ) : (
        <p className="student__lesson student__lesson--none">{t('classroom.student.noLesson')}</p>
      )}
      <ul className="student__sockets" aria-label={t('classroom.student.sockets', { count: open.length })}>
        {student.sockets.slice(0, 5).map((s) => (
          <RosterSocketRow key={s.id} socket={s} />
        ))}
        {student.sockets.length + student.moreSockets > 5 && (
          <li className="student__more">
            {t('classroom.student.more', { count: student.sockets.length + student.moreSockets - 5 })}
          </li>
        )}
        {student.sockets.length === 0 && <li className="student__more">{t('classroom.student.noSockets')}</li>}
      </ul>
      <p className="student__totals" data-testid="student-totals">
        {t('classroom.student.totals', { in: totals.in, out: totals.out })}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--small"
          data-testid="spotlight"
          disabled={student.presence === 'gone' || command.pending}
          onClick={() => void command.run({ type: 'class.spotlight', studentId: student.studentId })}
        >
          {t('classroom.student.spotlight')}
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          data-testid="stop-sockets"
          disabled={open.length === 0 || command.pending}
          onClick={() => {
            if (!confirming) {
              setConfirming(true);
              return;
            }
            setConfirming(false);
            void command.run({ type: 'class.stopStudentSockets', studentId: student.studentId });
          }}
        >
          {confirming ? t('classroom.student.confirmStop') : t('classroom.student.stop')}
        </button>
      </div>
    </li>
  );
});

function RosterSocketRow(props: { socket: RosterSocket }) {
  const { t, i18n } = useTranslation();
  const { socket } = props;
  const where = socket.kind === 'tcp-client' || socket.kind === 'tcp-conn' ? socket.remote : socket.local;
  return (
    <li
      className="student__socket"
      data-testid="student-socket"
      data-socket-id={socket.id}
      data-kind={socket.kind}
      data-state={socket.state}
    >
      <span className="student__socket-kind">{t(`sockets.short.${socket.kind}`)}</span>
      <span className="student__socket-id">{socket.id}</span>
      <StateBadge state={socket.state} />
      {where && (
        <span className="student__socket-addr">
          {socket.kind === 'tcp-client' ? '→' : ''}:{where.port}
        </span>
      )}
      <span className="student__socket-bytes" data-testid="student-socket-bytes">
        {formatNumber(socket.counters.bytesIn)}/{formatNumber(socket.counters.bytesOut)}
      </span>
      {socket.error && (
        // Why it closed (or what went wrong), in the teacher's language: a taken port names whose.
        <span className="student__socket-error" data-testid="student-socket-error" data-code={socket.error.code}>
          {formatError(i18n, socket.error)}
        </span>
      )}
    </li>
  );
}

function SpotlightPanel() {
  const { t } = useTranslation();
  const spotlight = useStore(classStore, (s) => s.spotlight);
  const student = useStore(classStore, (s) => s.roster?.students.find((x) => x.studentId === s.spotlight?.studentId));
  const command = useCommand();
  if (!spotlight) return null;
  const header = (
    <div className="spotlight__header">
      <h2 className="spotlight__title" data-testid="spotlight-title">
        {t('classroom.spotlight.title', { name: spotlight.name })}
      </h2>
      {student && (
        <span className={`presence presence--${student.presence}`}>
          <span className="presence__dot" aria-hidden="true" />
          {t(`classroom.presence.${student.presence}`)}
        </span>
      )}
      <span className="class-card__muted">{t('classroom.spotlight.readOnly')}</span>
      <button
        type="button"
        className="button button--small"
        data-testid="spotlight-close"
        onClick={() => void command.run({ type: 'class.spotlight', studentId: null })}
      >
        {t('classroom.spotlight.close')}
      </button>
    </div>
  );
  return (
    <div className="spotlight" data-testid="spotlight">
      <ReadOnlyWorkspace
        key={`${spotlight.studentId}:${spotlight.sessionId}`}
        store={spotlight.store}
        header={header}
        large
      />
    </div>
  );
}
