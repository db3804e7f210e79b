import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import { formatFixed } from '../../ui/numbers.ts';
import { UPlotChart } from '../netlab/parts/UPlotChart.tsx';
import type { LaneResult } from './model/analyze.ts';

export const TCP_COLOUR = '#1d4ed8';
export const UDP_COLOUR = '#c2410c';

/** Per-message latency of both transports: x the message number, y ms; a missing message is a gap. */
export function LatencyChart(props: { tcp: LaneResult | null; udp: LaneResult | null; count: number }) {
  const { t } = useTranslation();
  const { tcp, udp, count } = props;
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: false, range: [1, Math.max(2, count)] },
        y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] },
      },
      axes: [
        { label: t('netlab.compare.chart.x'), labelSize: 22, font: '14px system-ui', labelFont: '600 14px system-ui' },
        {
          label: t('netlab.compare.chart.y'),
          labelSize: 22,
          font: '14px system-ui',
          labelFont: '600 14px system-ui',
          size: 56,
        },
      ],
      series: [
        { label: '#' },
        {
          label: t('forms.protocols.tcp'),
          stroke: TCP_COLOUR,
          width: 2,
          points: { size: 4, fill: TCP_COLOUR },
          value: (_u, v) => (v == null ? '—' : `${formatFixed(v, 1)} ms`),
        },
        {
          label: t('forms.protocols.udp'),
          stroke: UDP_COLOUR,
          width: 2,
          points: { size: 4, fill: UDP_COLOUR },
          value: (_u, v) => (v == null ? '—' : `${formatFixed(v, 1)} ms`),
        },
      ],
    }),
    [count, t],
  );
  const data = useMemo<uPlot.AlignedData>(() => {
    const xs = Array.from({ length: count }, (_, i) => i + 1);
    const latency = (lane: LaneResult | null) => xs.map((n) => lane?.messages[n - 1]?.latencyMs ?? null);
    return [xs, latency(tcp), latency(udp)];
  }, [tcp, udp, count]);
  return (
    <UPlotChart
      options={options}
      data={data}
      height={220}
      label={t('netlab.compare.chart.label')}
      testId="latency-chart"
    />
  );
}
