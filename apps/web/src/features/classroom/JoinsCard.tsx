import type { ClassJoin } from '@playground/protocol';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useCommand } from '../../bridge/useCommand.ts';
import { FormError } from '../../ui/form/FormError.tsx';
import { useClassroom } from './model/classStore.ts';

/** Joins grouped by the address they came from, the address with the most joins first. */
export function joinsByAddress(joins: readonly ClassJoin[]): { address: string; joins: ClassJoin[] }[] {
  const groups = new Map<string, ClassJoin[]>();
  for (const join of joins) {
    const list = groups.get(join.address) ?? [];
    list.push(join);
    groups.set(join.address, list);
  }
  return [...groups.entries()]
    .map(([address, list]) => ({ address, joins: list }))
    .sort((a, b) => b.joins.length - a.joins.length || a.address.localeCompare(b.address));
}

/**
 * Every join the class holds, by the computer it came from, so a teacher sees a flood (many joins
 * from one address) and takes joins back: one student, or every join of one address. A removed
 * student's page is told and their sockets close; they can join again with the code.
 */
export function JoinsCard() {
  const { t, i18n } = useTranslation();
  const joins = useClassroom(useShallow((s) => s.roster?.joins ?? []));
  const rules = useClassroom((s) => s.roster?.joinRules);
  const command = useCommand();
  const remove = (studentIds: string[]) => void command.run({ type: 'class.revoke', studentIds });
  const waiting = joins.filter((j) => j.status === 'waiting').length;
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <section className="panel class-card joins-card" aria-labelledby="joins-title" data-testid="joins-card">
      <h2 id="joins-title">{t('classroom.joins.title')}</h2>
      {joins.length === 0 ? (
        <p className="class-card__muted">{t('classroom.joins.none')}</p>
      ) : (
        <p className="class-card__muted">
          {t('classroom.joins.summary', { count: joins.length, waiting, inClass: joins.length - waiting })}
        </p>
      )}
      <ul className="joins-list">
        {joinsByAddress(joins).map((group) => (
          <li key={group.address} className="joins-list__group" data-testid="join-group" data-address={group.address}>
            <div className="joins-list__address">
              <span className="mono">{group.address}</span>
              <span className="tag">{t('classroom.joins.fromAddress', { count: group.joins.length })}</span>
              {group.joins.length > 1 && (
                <button
                  type="button"
                  className="button button--small"
                  disabled={command.pending}
                  data-testid="revoke-address"
                  onClick={() => remove(group.joins.map((j) => j.studentId))}
                >
                  {t('classroom.joins.removeAll', { count: group.joins.length, address: group.address })}
                </button>
              )}
            </div>
            <ul className="joins-list__items">
              {group.joins.map((join) => (
                <li
                  key={join.studentId}
                  className="shared-list__item"
                  data-testid="join"
                  data-student-id={join.studentId}
                >
                  <span>
                    <strong>{join.name}</strong> · {time.format(join.joinedAt)} ·{' '}
                    <span className={`tag joins-list__status--${join.status}`}>
                      {t(`classroom.joins.status.${join.status}`)}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={command.pending}
                    data-testid="revoke-join"
                    aria-label={t('classroom.joins.removeOne', { name: join.name })}
                    onClick={() => remove([join.studentId])}
                  >
                    {t('classroom.joins.remove')}
                  </button>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <p className="field__hint">
        {t('classroom.joins.hint')}
        {rules &&
          ` ${t('classroom.joins.rules', { minutes: Math.round(rules.unusedTtlMs / 60_000), count: rules.maxPerAddress })}`}
      </p>
      <FormError error={command.error} />
    </section>
  );
}
