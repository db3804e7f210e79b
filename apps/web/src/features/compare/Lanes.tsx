import { useTranslation } from 'react-i18next';
import type { LaneResult, MessageFate } from './model/analyze.ts';

const FATE_CLASS: Record<MessageFate, string> = {
  'in-order': 'lane-cell--ok',
  late: 'lane-cell--late',
  missing: 'lane-cell--missing',
  pending: 'lane-cell--pending',
};

/**
 * One transport's messages: a cell per message number (delivered in order, late, missing), a mark
 * over the ones that came twice, and under it the arrival order as a line (a straight diagonal when
 * every message came in order; a dip where one came late).
 */
export function Lane(props: { transport: 'tcp' | 'udp'; lane: LaneResult | null; count: number }) {
  const { t } = useTranslation();
  const { lane, count, transport } = props;
  const messages = lane?.messages ?? [];
  const order = lane?.arrivalOrder ?? [];
  const summary = lane?.summary;
  const label = summary
    ? t('netlab.compare.laneLabel', {
        transport: t(`forms.protocols.${transport}`),
        delivered: summary.delivered,
        sent: summary.sent,
        late: summary.delivered - summary.inOrder,
        missing: summary.missing,
        duplicates: summary.duplicates,
      })
    : t(`forms.protocols.${transport}`);
  const points = order
    .map((n, i) => `${order.length > 1 ? (i / (order.length - 1)) * count : 0},${20 - (n / count) * 20}`)
    .join(' ');
  return (
    <div className={`lane lane--${transport}`} data-testid={`lane-${transport}`}>
      <span className="lane__name">{t(`forms.protocols.${transport}`)}</span>
      <svg className="lane__cells" viewBox={`0 0 ${count} 14`} preserveAspectRatio="none" role="img" aria-label={label}>
        {messages.map((m) => (
          <rect key={m.n} x={m.n - 1} y={3} width={1} height={11} className={`lane-cell ${FATE_CLASS[m.fate]}`} />
        ))}
        {messages
          .filter((m) => m.copies > 0)
          .map((m) => (
            <rect key={`d${m.n}`} x={m.n - 1} y={0} width={1} height={2.4} className="lane-cell lane-cell--dup" />
          ))}
      </svg>
      <span className="lane__axis-label">{t('netlab.compare.arrivalOrder')}</span>
      <svg className="lane__order" viewBox={`0 0 ${count} 20`} preserveAspectRatio="none" aria-hidden="true">
        <line x1={0} y1={20} x2={count} y2={0} className="lane__ideal" vectorEffect="non-scaling-stroke" />
        {order.length > 0 && <polyline points={points} className="lane__line" vectorEffect="non-scaling-stroke" />}
      </svg>
    </div>
  );
}

export function LaneLegend() {
  const { t } = useTranslation();
  return (
    <ul className="lane-legend">
      {(['in-order', 'late', 'missing'] as const).map((fate) => (
        <li key={fate}>
          <span className={`lane-legend__swatch ${FATE_CLASS[fate]}`} />
          {t(`netlab.compare.fates.${fate}`)}
        </li>
      ))}
      <li>
        <span className="lane-legend__swatch lane-cell--dup" />
        {t('netlab.compare.fates.duplicate')}
      </li>
    </ul>
  );
}
