import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import { formatFixed } from '../../ui/numbers.ts';
import { TCP_COLOUR, UDP_COLOUR } from '../compare/LatencyChart.tsx';
import { UPlotChart } from '../netlab/parts/UPlotChart.tsx';
import { useSensor } from './model/sensorRun.ts';
import { WINDOW_S } from './model/series.ts';

/** Retain explicit nulls (a gap in the sequence numbers breaks the line); join artefacts are spanned. */
const RETAIN = 1;

/** The plotted field over the last minute, one line per transport; missing records break the line. */
export function SensorChart(props: { field: string }) {
  const { t } = useTranslation();
  const version = useSensor((s) => s.version);
  const view = useSensor((s) => s.view);
  const series = useSensor((s) => s.series);
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: {
          time: false,
          range: (_u, _min, max) => [Math.max(0, max - WINDOW_S), Math.max(max, WINDOW_S / 6)],
        },
      },
      axes: [
        {
          label: t('netlab.sensor.chart.x'),
          labelSize: 22,
          font: '14px system-ui',
          labelFont: '600 14px system-ui',
          values: (_u, ticks) => ticks.map((v) => `${Math.round(v)} s`),
        },
        { label: props.field, labelSize: 22, font: '14px system-ui', labelFont: '600 14px system-ui', size: 64 },
      ],
      series: [
        { label: t('netlab.sensor.chart.time'), value: (_u, v) => (v == null ? '—' : `${formatFixed(v, 2)} s`) },
        { label: t('forms.protocols.tcp'), stroke: TCP_COLOUR, width: 2, spanGaps: false, points: { show: false } },
        { label: t('forms.protocols.udp'), stroke: UDP_COLOUR, width: 2, spanGaps: false, points: { show: false } },
      ],
    }),
    [props.field, t],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the series are mutable; `version` says when they changed.
  const data = useMemo<uPlot.AlignedData>(() => {
    const { tcp, udp } = series();
    const first = Math.min(tcp.xs[0] ?? Number.POSITIVE_INFINITY, udp.xs[0] ?? Number.POSITIVE_INFINITY);
    const origin = Number.isFinite(first) ? first : 0;
    const shift = (xs: number[]) => xs.map((x) => x - origin);
    if (tcp.xs.length === 0 && udp.xs.length === 0) return [[], [], []];
    return uPlot.join(
      [
        [shift(tcp.xs), tcp.ys],
        [shift(udp.xs), udp.ys],
      ],
      [[RETAIN], [RETAIN]] as uPlot.JoinNullMode[][],
    );
  }, [series, version]);
  return (
    <UPlotChart
      options={options}
      data={data}
      height={300}
      label={t('netlab.sensor.chart.label', { field: props.field })}
      testId="sensor-chart"
      attributes={{ 'points-tcp': view.tcp.plotted, 'points-udp': view.udp.plotted }}
    />
  );
}
