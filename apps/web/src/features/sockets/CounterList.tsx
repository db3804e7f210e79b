import type { Counters } from '@playground/protocol';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../ui/numbers.ts';

const FIELDS = [
  { key: 'bytesIn', testId: 'bytes-in' },
  { key: 'bytesOut', testId: 'bytes-out' },
  { key: 'reads', testId: 'reads' },
  { key: 'writes', testId: 'writes' },
] as const;

/**
 * The bridge's exact counters, written as the page's language writes numbers; `data-value` holds
 * the plain number. Each reads as a count ("1 read", "8 reads"), so its label agrees with it.
 */
export function CounterList(props: { counters: Counters }) {
  const { t } = useTranslation();
  return (
    <dl className="counters">
      {FIELDS.map((f) => (
        <div key={f.key} className="counters__item">
          <dt>{t(`sockets.counters.${f.key}`, { count: props.counters[f.key] })}</dt>
          <dd data-testid={f.testId} data-value={props.counters[f.key]}>
            {formatNumber(props.counters[f.key])}
          </dd>
        </div>
      ))}
    </dl>
  );
}
