import type { RosterSocket, RosterStudent } from '@playground/protocol';
import type { TFunction } from 'i18next';
import { memo, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../bridge/useCommand.ts';
import { formatError } from '../../i18n/formatError.ts';
import { formatNumber } from '../../ui/numbers.ts';
import { StepDots } from '../../ui/StepDots.tsx';
import { StateBadge } from '../sockets/StateBadge.tsx';
import { useClassroom } from './model/classStore.ts';

/**
 * The teacher's roster. Every roster message brings new objects for every student, and in a busy
 * class every card's counters change twice a second: a card re-renders only its changed rows and
 * totals (rows, head and buttons are memoised on plain values). Cards out of view are still laid
 * out: with `content-visibility: auto` a teacher scrolling the roster paid for every card coming
 * into view (frames twice as long in bench/class-page.ts) to save a little on each update.
 */
export function Roster() {
  const { t } = useTranslation();
  const students = useClassroom((s) => s.roster?.students ?? null);
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
              <StudentCard key={student.studentId} student={student} t={t} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** One student on the roster: presence, lesson progress, sockets with live counters, and what the teacher may do. */
const StudentCard = memo(function StudentCard(props: { student: RosterStudent; t: TFunction }) {
  const { student, t } = props;
  const { totals } = student;
  const open = totals.openSockets;
  const progress = student.progress;
  return (
    <li
      className={`student student--${student.presence}`}
      data-testid="student"
      data-student-id={student.studentId}
      data-name={student.name}
      data-presence={student.presence}
    >
      <StudentHead name={student.name} presence={student.presence} sessions={student.sessions} t={t} />
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
      <ul className="student__sockets" aria-label={t('classroom.student.sockets', { count: open })}>
        {student.sockets.map((s) => (
          <RosterSocketRow
            key={s.id}
            id={s.id}
            kind={s.kind}
            state={s.state}
            port={(s.kind === 'tcp-client' || s.kind === 'tcp-conn' ? s.remote : s.local)?.port}
            bytesIn={s.counters.bytesIn}
            bytesOut={s.counters.bytesOut}
            error={s.error}
            t={t}
          />
        ))}
        {student.moreSockets > 0 && (
          <li className="student__more">{t('classroom.student.more', { count: student.moreSockets })}</li>
        )}
        {student.sockets.length === 0 && <li className="student__more">{t('classroom.student.noSockets')}</li>}
      </ul>
      <p className="student__totals" data-testid="student-totals">
        {t('classroom.student.totals', { in: totals.bytesIn, out: totals.bytesOut })}
      </p>
      <StudentActions studentId={student.studentId} presence={student.presence} open={open} t={t} />
    </li>
  );
});

const StudentHead = memo(function StudentHead(props: {
  name: string;
  presence: RosterStudent['presence'];
  sessions: number;
  t: TFunction;
}) {
  const { name, presence, sessions, t } = props;
  return (
    <div className="student__head">
      <span className={`presence presence--${presence}`} title={t(`classroom.presence.${presence}`)}>
        <span className="presence__dot" aria-hidden="true" />
        <span className="visually-hidden">{t(`classroom.presence.${presence}`)}</span>
      </span>
      <h3 className="student__name">{name}</h3>
      {sessions > 1 && <span className="student__tabs">{t('classroom.student.tabs', { count: sessions })}</span>}
    </div>
  );
});

/** Spotlight and stop; stopping asks once more, for four seconds. */
const StudentActions = memo(function StudentActions(props: {
  studentId: string;
  presence: RosterStudent['presence'];
  open: number;
  t: TFunction;
}) {
  const { studentId, presence, open, t } = props;
  const command = useCommand();
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (!confirming) return;
    const timer = setTimeout(() => setConfirming(false), 4000);
    return () => clearTimeout(timer);
  }, [confirming]);
  return (
    <div className="button-row">
      <button
        type="button"
        className="button button--small"
        data-testid="spotlight"
        disabled={presence === 'gone' || command.pending}
        onClick={() => void command.run({ type: 'class.spotlight', studentId })}
      >
        {t('classroom.student.spotlight')}
      </button>
      <button
        type="button"
        className="button button--small button--danger"
        data-testid="stop-sockets"
        disabled={open === 0 || command.pending}
        onClick={() => {
          if (!confirming) {
            setConfirming(true);
            return;
          }
          setConfirming(false);
          void command.run({ type: 'class.stopStudentSockets', studentId });
        }}
      >
        {confirming ? t('classroom.student.confirmStop') : t('classroom.student.stop')}
      </button>
    </div>
  );
});

const RosterSocketRow = memo(function RosterSocketRow(props: {
  id: string;
  kind: RosterSocket['kind'];
  state: RosterSocket['state'];
  port: number | undefined;
  bytesIn: number;
  bytesOut: number;
  error: RosterSocket['error'];
  t: TFunction;
}) {
  const { id, kind, state, port, error, t } = props;
  return (
    <li
      className="student__socket"
      data-testid="student-socket"
      data-socket-id={id}
      data-kind={kind}
      data-state={state}
    >
      <span className="student__socket-kind">{t(`sockets.short.${kind}`)}</span>
      <span className="student__socket-id">{id}</span>
      <StateBadge state={state} />
      {port !== undefined && (
        <span className="student__socket-addr">
          {kind === 'tcp-client' ? '→' : ''}:{port}
        </span>
      )}
      <span className="student__socket-bytes" data-testid="student-socket-bytes">
        {formatNumber(props.bytesIn)}/{formatNumber(props.bytesOut)}
      </span>
      {error && <SocketError error={error} />}
    </li>
  );
});

/** Why a socket closed (or what went wrong), in the teacher's language: a taken port names whose. */
function SocketError({ error }: { error: NonNullable<RosterSocket['error']> }) {
  const { i18n } = useTranslation();
  return (
    <span className="student__socket-error" data-testid="student-socket-error" data-code={error.code}>
      {formatError(i18n, error)}
    </span>
  );
}
