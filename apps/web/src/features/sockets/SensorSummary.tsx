import type { SensorStats, SensorValue } from '@playground/protocol';
import { useTranslation } from 'react-i18next';
import type { SocketEntry } from '../../store/state.ts';
import { formatNumber } from '../../ui/numbers.ts';

const ZERO: SensorStats = { received: 0, missing: 0, outOfOrder: 0, duplicates: 0, bad: 0, acks: 0 };

const show = (v: SensorValue | undefined) =>
  typeof v === 'number' && !Number.isInteger(v) ? formatNumber(v, { maximumFractionDigits: 2 }) : String(v ?? '');

/**
 * What a sensor server decoded, on its card: the records counted over every sender, and the last
 * record with its field names, so the Sockets page shows the sensor as the network lab does.
 */
export function SensorSummary(props: { entry: SocketEntry }) {
  const { t } = useTranslation();
  const { sensor, info } = props.entry;
  if (!sensor) return null;
  const total = Object.values(sensor.senders).reduce(
    (sum, s) => ({
      received: sum.received + s.received,
      missing: sum.missing + s.missing,
      outOfOrder: sum.outOfOrder + s.outOfOrder,
      duplicates: sum.duplicates + s.duplicates,
      bad: sum.bad + s.bad,
      acks: sum.acks + s.acks,
    }),
    ZERO,
  );
  const fields = info.sensor?.fields ?? [];
  const last = sensor.last?.values.map((v, i) => `${fields[i] ?? i}=${show(v)}`).join(', ');
  return (
    <div className="sensor-summary" data-testid="sensor-summary" data-received={total.received}>
      <p>
        {t('sockets.sensor.counts', {
          received: total.received,
          missing: total.missing,
          outOfOrder: total.outOfOrder,
        })}
      </p>
      {last && <p className="mono sensor-summary__last">{t('sockets.sensor.last', { record: last })}</p>}
    </div>
  );
}
