import type { ConditionsStats, Transport } from '@playground/protocol';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../ui/numbers.ts';
import './conditions.css';

const UDP_KEYS = ['in', 'out', 'dropped', 'duplicated', 'reordered', 'delayed', 'overflow', 'queued'] as const;
const TCP_KEYS = ['in', 'out', 'retransmitted', 'delayed', 'queued'] as const;
type UdpKey = (typeof UDP_KEYS)[number];
type TcpKey = (typeof TCP_KEYS)[number];

/** A relay's exact counts: what came in, went on, and what the network did on the way. */
export function RelayStats(props: { stats: ConditionsStats | null; transport: Transport }) {
  const { t } = useTranslation();
  const keys = props.transport === 'udp' ? UDP_KEYS : TCP_KEYS;
  const stats = props.stats;
  return (
    <dl className="relay-stats" data-testid="relay-stats">
      {keys.map((key) => (
        <div
          key={key}
          className={`relay-stats__item relay-stats__item--${key}`}
          data-stat={key}
          data-value={stats?.[key] ?? 0}
        >
          <dt>
            {props.transport === 'udp'
              ? t(`netlab.conditions.stats.udp.${key as UdpKey}`)
              : t(`netlab.conditions.stats.tcp.${key as TcpKey}`)}
          </dt>
          <dd>{formatNumber(stats?.[key] ?? 0)}</dd>
        </div>
      ))}
    </dl>
  );
}
