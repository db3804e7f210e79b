import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { FormError } from '../../ui/form/FormError.tsx';
import { formatFixed } from '../../ui/numbers.ts';
import { formatMs, formatPct } from '../netlab/model/format.ts';
import { useNetLab } from '../netlab/model/labStore.ts';
import { useStartLab } from '../netlab/model/useStartLab.ts';
import { LabControls, LabResults } from '../netlab/parts/LabPanels.tsx';
import { RunButtons } from '../netlab/parts/RunButtons.tsx';
import { RunSettings } from '../netlab/parts/RunSettings.tsx';
import { explainRun } from './explain.ts';
import { Lane, LaneLegend } from './Lanes.tsx';
import { LatencyChart } from './LatencyChart.tsx';
import type { LaneResult } from './model/analyze.ts';
import { MAX_COMPARE_DURATION_MS, MAX_COMPARE_MESSAGES, useCompare } from './model/compareRun.ts';
import '../../ui/runProgress.css';
import '../../ui/summaryCards.css';
import './compare.css';

const RUNNING = new Set(['preparing', 'sending', 'settling']);

/** TCP vs UDP, side by side: the same numbered messages through the same network. */
export function CompareView() {
  const { t } = useTranslation();
  const connected = usePlayground((s) => s.connection.status === 'connected');
  const startLab = useStartLab();
  const compare = useCompare((s) => s);
  const { config, setConfig, status, error, tcp, udp, folded, reset } = compare;
  const running = RUNNING.has(status);
  const tooLong = config.count * config.intervalMs > MAX_COMPARE_DURATION_MS;

  const start = () => {
    if (tooLong) return;
    startLab(compare);
  };

  return (
    <div className="netlab-page" data-testid="compare-view" data-status={status}>
      <LabControls title={t('netlab.compare.title')} intro={t('netlab.compare.intro')} onStart={start}>
        <h3 className="netlab-controls__heading">{t('netlab.compare.run')}</h3>
        <RunSettings
          settings={[
            { name: 'count', label: t('netlab.compare.count'), min: 10, max: MAX_COMPARE_MESSAGES },
            { name: 'intervalMs', label: t('netlab.compare.interval'), min: 1, max: 1000 },
          ]}
          values={config}
          disabled={running}
          onChange={(name, value) => setConfig({ ...config, [name]: value })}
        />
        {tooLong && (
          <p className="field__error">{t('netlab.compare.tooLong', { seconds: MAX_COMPARE_DURATION_MS / 1000 })}</p>
        )}
        <p className="field__hint">
          {t('netlab.compare.duration', { seconds: formatFixed((config.count * config.intervalMs) / 1000, 1) })}
        </p>
        <RunButtons
          start={status === 'done' || status === 'failed' ? t('netlab.compare.again') : t('netlab.compare.start')}
          startDisabled={running || !connected || tooLong}
          testId="compare-start"
          actions={[
            {
              label: t('netlab.compare.reset'),
              disabled: running || status === 'idle',
              onClick: () => void reset(),
            },
          ]}
        />
        <FormError error={error} />
      </LabControls>

      <LabResults title={t('netlab.compare.results')} beside={<RunProgress />}>
        {status === 'idle' ? (
          <EmptyState title={t('netlab.compare.empty.title')}>{t('netlab.compare.empty.body')}</EmptyState>
        ) : (
          <>
            <div className="summary-cards">
              <SummaryCard transport="tcp" lane={tcp} done={status === 'done'} />
              <SummaryCard transport="udp" lane={udp} done={status === 'done'} />
            </div>
            <section className="lanes" aria-label={t('netlab.compare.lanes')}>
              <div className="lanes__head">
                <h3>{t('netlab.compare.lanes')}</h3>
                <LaneLegend />
              </div>
              <Lane transport="tcp" lane={tcp} count={config.count} />
              <Lane transport="udp" lane={udp} count={config.count} />
              <div className="lanes__axis" aria-hidden="true">
                <span>#1</span>
                <span>#{config.count}</span>
              </div>
            </section>
            <section className="latency" aria-label={t('netlab.compare.chart.title')}>
              <h3>{t('netlab.compare.chart.title')}</h3>
              <LatencyChart tcp={tcp} udp={udp} count={config.count} />
            </section>
            {folded > 0 && <p className="tag tag--warn">{t('netlab.compare.folded', { count: folded })}</p>}
            <Explanation />
          </>
        )}
      </LabResults>
    </div>
  );
}

function RunProgress() {
  const { t } = useTranslation();
  const { status, config, tcp, udp } = useCompare((s) => s);
  if (status === 'idle') return null;
  const sent = Math.min(tcp?.summary.sent ?? 0, udp?.summary.sent ?? 0);
  return (
    <div className="run-progress" data-testid="compare-progress" role="status">
      <span>{t(`netlab.compare.status.${status}`, { sent, count: config.count })}</span>
      {(status === 'sending' || status === 'preparing') && <progress max={config.count} value={sent} />}
    </div>
  );
}

function SummaryCard(props: { transport: 'tcp' | 'udp'; lane: LaneResult | null; done: boolean }) {
  const { t } = useTranslation();
  const s = props.lane?.summary;
  return (
    <article
      className={`summary-card summary-card--${props.transport}`}
      data-testid={`compare-summary-${props.transport}`}
      data-delivered-pct={s && props.done ? s.deliveredPct.toFixed(1) : undefined}
      data-in-order-pct={s && props.done ? s.inOrderPct.toFixed(1) : undefined}
    >
      <h3>{t(`netlab.compare.cardTitle.${props.transport}`)}</h3>
      <dl>
        {props.done || !s ? (
          <div>
            <dt>{t('netlab.compare.delivered')}</dt>
            <dd>{s ? formatPct(s.deliveredPct) : '—'}</dd>
            <dd className="summary-card__detail">
              {s ? t('netlab.compare.ofSent', { delivered: s.delivered, sent: s.sent }) : ''}
            </dd>
          </div>
        ) : (
          // Mid-run a percentage reads as loss: say what is still on its way instead.
          <div data-testid={`compare-so-far-${props.transport}`}>
            <dt>{t('netlab.compare.arrivedSoFar')}</dt>
            <dd>{t('netlab.compare.ofSent', { delivered: s.delivered, sent: s.sent })}</dd>
            <dd className="summary-card__detail">
              {s.sent > s.delivered ? t('netlab.compare.onTheWay', { count: s.sent - s.delivered }) : ''}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('netlab.compare.inOrder')}</dt>
          <dd>{s && s.delivered > 0 ? formatPct(s.inOrderPct) : '—'}</dd>
          <dd className="summary-card__detail">
            {s ? t('netlab.compare.lateAndTwice', { late: s.delivered - s.inOrder, twice: s.duplicates }) : ''}
          </dd>
        </div>
        <div>
          <dt>{t('netlab.compare.p50')}</dt>
          <dd>{formatMs(s?.p50 ?? null)}</dd>
        </div>
        <div>
          <dt>{t('netlab.compare.p95')}</dt>
          <dd>{formatMs(s?.p95 ?? null)}</dd>
          <dd className="summary-card__detail">
            {s?.maxLatency != null ? t('netlab.compare.max', { ms: formatMs(s.maxLatency) }) : ''}
          </dd>
        </div>
      </dl>
    </article>
  );
}

function Explanation() {
  const { t } = useTranslation();
  const { status, tcp, udp, settings, sockets } = useCompare((s) => s);
  const epoch = usePlayground((s) => s.epoch);
  const retransmitted = useNetLab((s) =>
    sockets ? (s.relays[`${epoch}:${sockets.tcpRelay}`]?.stats?.retransmitted ?? 0) : 0,
  );
  const done = status === 'done' && tcp && udp;
  const reasons = done && settings ? explainRun(tcp.summary, udp.summary, settings, retransmitted) : [];
  const times = {
    tcpMax: formatMs(tcp?.summary.maxLatency ?? null),
    udpMax: formatMs(udp?.summary.maxLatency ?? null),
  };
  return (
    <section className="explain" aria-labelledby="compare-explain">
      <h3 id="compare-explain">{t('netlab.compare.explain.title')}</h3>
      {done && (
        <p className="explain__result" data-testid="compare-verdict">
          {t('netlab.compare.explain.result', {
            udpDelivered: udp.summary.delivered,
            udpLate: udp.summary.delivered - udp.summary.inOrder,
            udpTwice: udp.summary.duplicates,
            sent: udp.summary.sent,
            tcpDelivered: tcp.summary.delivered,
            tcpMax: formatMs(tcp.summary.maxLatency),
            udpMax: formatMs(udp.summary.maxLatency),
          })}
          {reasons.map((r) => ` ${t(`netlab.compare.explain.reasons.${r.key}`, { ...times, ...r.params })}`).join('')}
        </p>
      )}
      <div className="explain__columns">
        <p>
          <strong>{t('forms.protocols.tcp')}</strong> {t('netlab.compare.explain.tcp')}
        </p>
        <p>
          <strong>{t('forms.protocols.udp')}</strong> {t('netlab.compare.explain.udp')}
        </p>
      </div>
    </section>
  );
}
