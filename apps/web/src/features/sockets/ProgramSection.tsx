import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { usePlayground } from '../../bridge/context.tsx';
import { type ProgramEntry, type SocketEntry, socketKey } from '../../store/state.ts';
import { programStatus } from '../trace/programStatus.ts';
import { SocketCard } from './SocketCard.tsx';
import './programs.css';

/**
 * "Your programs": each traced program with its sockets, shown like the playground's own (servers
 * with the connections they accepted inside). Newest first, the previous sessions' after.
 */
export function ProgramSection() {
  const { t } = useTranslation();
  const keys = usePlayground(useShallow((s) => [...s.programOrder].reverse()));
  if (keys.length === 0) return null;
  return (
    <section className="socket-section program-section" aria-label={t('trace.program.title')}>
      <h3 className="socket-section__title">{t('trace.program.title')}</h3>
      {keys.map((key) => (
        <ProgramCard key={key} programKey={key} />
      ))}
    </section>
  );
}

/** A program's sockets that are not inside another of its sockets' cards (accepted connections are). */
function topLevel(sockets: Record<string, SocketEntry>, order: string[], program: ProgramEntry): string[] {
  return order.filter((k) => {
    const entry = sockets[k];
    if (!entry || entry.epoch !== program.epoch || entry.info.program?.traceId !== program.traceId) return false;
    const parent = entry.info.parentId && sockets[socketKey(entry.epoch, entry.info.parentId)];
    return !parent;
  });
}

function ProgramCard(props: { programKey: string }) {
  const { t } = useTranslation();
  const program = usePlayground((s) => s.programs[props.programKey]);
  const socketKeys = usePlayground(
    useShallow((s) => {
      const p = s.programs[props.programKey];
      return p ? topLevel(s.sockets, s.order, p) : [];
    }),
  );
  const hintCount = usePlayground((s) => socketKeys.reduce((n, k) => n + (s.sockets[k]?.hints?.length ?? 0), 0));
  if (!program) return null;
  const status = programStatus(t, program);
  return (
    <article
      className={`program-card program-card--${program.status}`}
      data-testid="program-card"
      data-status={program.status}
      data-pid={program.pid}
      aria-label={program.name}
    >
      <header className="program-card__header">
        <h4 className="program-card__name">{program.name}</h4>
        <span className="tag">
          {program.pid > 0 ? t('trace.program.pid', { pid: program.pid }) : t('trace.program.starting')}
        </span>
        <span className="tag">{t(`trace.program.tracer.${program.tracer}`)}</span>
        <span
          className={`tag program-card__status program-card__status--${program.status}`}
          data-testid="program-status"
        >
          {status.label}
        </span>
        {hintCount > 0 && <span className="tag tag--warn">{t('trace.program.hints', { count: hintCount })}</span>}
      </header>
      <p className="program-card__command">
        <code>{program.command}</code>
      </p>
      {status.reason && <p className="form__note">{status.reason}</p>}
      {socketKeys.length === 0 ? (
        <p className="connections__empty">{t('trace.program.noSockets')}</p>
      ) : (
        socketKeys.map((key) => <SocketCard key={key} socketKey={key} />)
      )}
    </article>
  );
}
