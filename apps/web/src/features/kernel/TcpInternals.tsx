import type { KernelRow, KernelSnapshot, TcpInfo } from '@playground/protocol';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import { socketKey } from '../../store/state.ts';
import { formatEndpoint } from '../../ui/format.ts';
import { formatFixed, formatNumber } from '../../ui/numbers.ts';
import { socketLabel } from '../../ui/socketLabel.ts';

const RATE_UNITS: [number, string][] = [
  [1e9, 'Gbit/s'],
  [1e6, 'Mbit/s'],
  [1e3, 'kbit/s'],
];

/** 24966095232 → "25.0 Gbit/s" ("25,0 Gbit/s" in Spanish): numbers as the page's language writes them. */
export function formatRate(bps: number): string {
  for (const [size, unit] of RATE_UNITS) if (bps >= size) return `${formatFixed(bps / size, 1)} ${unit}`;
  return `${formatNumber(bps)} bit/s`;
}

const ms = (v: number | undefined) => (v === undefined ? '—' : `${formatFixed(v, v < 1 ? 3 : 1)} ms`);
const n = (v: number | undefined) => (v === undefined ? '—' : formatNumber(v));

/** The columns, each with how to read it: what a learner compares between the two ends. */
const COLUMNS = [
  'rtt',
  'cwnd',
  'mss',
  'acked',
  'received',
  'segs',
  'retrans',
  'sendWindow',
  'receiveWindow',
  'delivery',
] as const;

function cell(column: (typeof COLUMNS)[number], tcp: TcpInfo): string {
  switch (column) {
    case 'rtt':
      return tcp.rttVarMs === undefined ? ms(tcp.rttMs) : `${ms(tcp.rttMs)} ± ${ms(tcp.rttVarMs)}`;
    case 'cwnd':
      return n(tcp.cwnd);
    case 'mss':
      return n(tcp.mss);
    case 'acked':
      return n(tcp.bytesAcked);
    case 'received':
      return n(tcp.bytesReceived);
    case 'segs':
      return `${n(tcp.segsIn)} / ${n(tcp.segsOut)}`;
    case 'retrans':
      return tcp.retransTotal === undefined ? '0' : `${n(tcp.retrans)} / ${n(tcp.retransTotal)}`;
    case 'sendWindow':
      return n(tcp.sendWindow);
    case 'receiveWindow':
      return n(tcp.receiveWindow ?? tcp.receiveSpace);
    case 'delivery':
      return tcp.deliveryRateBps === undefined ? '—' : formatRate(tcp.deliveryRateBps);
  }
}

/**
 * The kernel's TCP internals of each of the playground's connections (`ss -tin`): round-trip time,
 * congestion window, segment size, what the peer acknowledged, windows. Sampled while the view is open.
 */
export function TcpInternals(props: { rows: KernelRow[]; status: KernelSnapshot['tcpInfo']; epoch: number }) {
  const { t } = useTranslation();
  const sockets = usePlayground((s) => s.sockets);
  const rows = props.rows.filter((r) => r.tcp !== undefined);
  return (
    <div className="kernel__internals" data-testid="tcp-internals">
      <h3 className="kernel__h" id="tcp-internals-title">
        {t('kernel.internals.title')}
      </h3>
      {props.status?.available === false ? (
        <p className="kernel__note" data-testid="tcp-internals-unavailable">
          {props.status.reason}
        </p>
      ) : rows.length === 0 ? (
        <p className="kernel__note">{t('kernel.internals.empty')}</p>
      ) : (
        <>
          <p className="kernel__note">{t('kernel.internals.intro', { source: props.status?.source ?? 'ss -tin' })}</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the view scrolls, so the keyboard must reach it. */}
          <section className="kernel__table-wrap" tabIndex={0} aria-labelledby="tcp-internals-title">
            <table className="kernel__table kernel__table--internals" aria-labelledby="tcp-internals-title">
              <thead>
                <tr>
                  <th scope="col">{t('kernel.columns.socket')}</th>
                  {COLUMNS.map((c) => (
                    <th key={c} scope="col" className="num" title={t(`kernel.internals.hints.${c}`)}>
                      {t(`kernel.internals.columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const entry = row.socketId ? sockets[socketKey(props.epoch, row.socketId)] : undefined;
                  const name = entry
                    ? socketLabel(t, { info: { ...entry.info, remote: undefined } })
                    : `${formatEndpoint(row.local)} → ${formatEndpoint(row.remote)}`;
                  return (
                    <tr
                      key={`${row.inode}-${row.local.port}-${row.remote.port}`}
                      data-testid="tcp-internals-row"
                      data-socket-id={row.socketId}
                    >
                      <td>{name}</td>
                      {COLUMNS.map((c) => (
                        <td key={c} className="num mono" data-column={c}>
                          {cell(c, row.tcp as TcpInfo)}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}
