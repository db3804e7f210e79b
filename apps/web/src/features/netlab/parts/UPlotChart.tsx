import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './uplotChart.css';

/**
 * uPlot in React: the chart is built once per `options` identity, fed with setData afterwards (cheap:
 * a live chart redraws without rebuilding), and follows its box's width.
 */
export function UPlotChart(props: {
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height: number;
  label: string;
  testId?: string;
  attributes?: Record<string, string | number>;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latest = useRef(props.data);
  latest.current = props.data;
  const { options, height } = props;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const hooks = { ...options.hooks, setCursor: [...(options.hooks?.setCursor ?? []), showLatest] };
    const plot = new uPlot({ ...options, hooks, width: Math.max(200, el.clientWidth), height }, latest.current, el);
    showLatest(plot);
    chart.current = plot;
    const resize = new ResizeObserver(() => {
      const width = Math.max(200, el.clientWidth);
      if (width !== plot.width) plot.setSize({ width, height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
      chart.current = null;
    };
  }, [options, height]);

  useEffect(() => {
    const plot = chart.current;
    if (!plot) return;
    plot.setData(props.data);
    showLatest(plot);
  }, [props.data]);

  return (
    <div
      ref={box}
      className="uplot-box"
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
      {...Object.fromEntries(Object.entries(props.attributes ?? {}).map(([k, v]) => [`data-${k}`, String(v)]))}
    />
  );
}

/**
 * While nobody points at the chart, its readout shows each line's latest value instead of "--":
 * per series, the last point that has one (a UDP line may end on a missing message).
 */
function showLatest(plot: uPlot): void {
  if (plot.cursor.idx != null) return;
  const idxs = plot.data.map((values, series) => {
    for (let i = values.length - 1; i >= 0; i--) if (series === 0 || values[i] != null) return i;
    return null;
  });
  if (idxs[0] == null) return;
  plot.setLegend({ idxs } as unknown as { idx: number });
}
