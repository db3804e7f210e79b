import { MAX_SENSOR_DURATION_S, MAX_SENSOR_RATE_HZ } from '@playground/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { FormError } from '../../ui/form/FormError.tsx';
import { formatNumber } from '../../ui/numbers.ts';
import { useStartLab } from '../netlab/model/useStartLab.ts';
import { LabControls, LabResults } from '../netlab/parts/LabPanels.tsx';
import { RunButtons } from '../netlab/parts/RunButtons.tsx';
import { RunSettings } from '../netlab/parts/RunSettings.tsx';
import { configProblem, parseFields, TRANSPORTS, type Transport, useSensor } from './model/sensorRun.ts';
import { PythonPanel } from './PythonPanel.tsx';
import { SensorChart } from './SensorChart.tsx';
import '../../ui/fieldGroup.css';
import '../../ui/runProgress.css';
import '../../ui/summaryCards.css';
import './sensor.css';

/** The two inputs that describe a record, by input name and the config text each one edits. */
const RECORD_INPUTS = [
  { name: 'format', key: 'format' },
  { name: 'fields', key: 'fieldsText' },
] as const;

/** Seed 003's sensor: random readings as struct records over TCP and UDP, through the same network. */
export function SensorView() {
  const { t } = useTranslation();
  const id = useId();
  const connected = usePlayground((s) => s.connection.status === 'connected');
  const startLab = useStartLab();
  const sensor = useSensor((s) => s);
  const { config, setConfig, status, error } = sensor;
  const problem = configProblem(config);
  const fields = parseFields(config.fieldsText);
  const running = status === 'running' || status === 'starting';
  const set = <K extends keyof typeof config>(key: K, value: (typeof config)[K]) =>
    setConfig({ ...config, [key]: value });
  const noTransport = !config.tcp && !config.udp;

  const start = () => {
    if (problem || noTransport) return;
    startLab(sensor);
  };

  return (
    <div className="netlab-page" data-testid="sensor-view" data-status={status}>
      <LabControls title={t('netlab.sensor.title')} intro={t('netlab.sensor.intro')} onStart={start}>
        <h3 className="netlab-controls__heading">{t('netlab.sensor.record')}</h3>
        {RECORD_INPUTS.map(({ name, key }) => (
          <div key={name} className="field">
            <label htmlFor={`${id}-${name}`}>{t(`netlab.sensor.${name}`)}</label>
            <input
              id={`${id}-${name}`}
              name={name}
              type="text"
              className="mono"
              spellCheck={false}
              value={config[key]}
              disabled={running}
              aria-invalid={problem !== null}
              aria-describedby={`${id}-record-hint`}
              onChange={(e) => set(key, e.target.value)}
            />
          </div>
        ))}
        <p
          id={`${id}-record-hint`}
          className={problem ? 'field__error' : 'field__hint'}
          data-testid="sensor-record-problem"
        >
          {problem ?? t('netlab.sensor.recordHint')}
        </p>
        <fieldset className="field-group">
          <legend>{t('netlab.sensor.transports')}</legend>
          <div className="button-row">
            {TRANSPORTS.map((transport) => (
              <label key={transport} className="toggle">
                <input
                  type="checkbox"
                  name={`transport-${transport}`}
                  checked={config[transport]}
                  disabled={running}
                  onChange={(e) => set(transport, e.target.checked)}
                />
                {t(`forms.protocols.${transport}`)}
              </label>
            ))}
            <label className="toggle">
              <input
                type="checkbox"
                name="ack"
                checked={config.ack}
                disabled={running}
                onChange={(e) => set('ack', e.target.checked)}
              />
              {t('netlab.sensor.ack')}
            </label>
          </div>
        </fieldset>
        <RunSettings
          settings={[
            { name: 'rateHz', label: t('netlab.sensor.rate'), min: 1, max: MAX_SENSOR_RATE_HZ },
            { name: 'durationS', label: t('netlab.sensor.duration'), min: 1, max: MAX_SENSOR_DURATION_S },
          ]}
          values={config}
          disabled={running}
          onChange={set}
        />
        <RunButtons
          start={t('netlab.sensor.start')}
          startDisabled={running || !connected || problem !== null || noTransport}
          testId="sensor-start"
          actions={[
            { label: t('netlab.sensor.stop'), disabled: status !== 'running', onClick: () => void sensor.stop() },
            {
              label: t('netlab.sensor.reset'),
              disabled: running || status === 'idle',
              onClick: () => void sensor.reset(),
            },
          ]}
        />
        <FormError error={error} />
      </LabControls>

      <LabResults
        title={t('netlab.sensor.results')}
        beside={
          <>
            <PlotPicker fields={fields} />
            <span className="run-progress" role="status" data-testid="sensor-status">
              {t(`netlab.sensor.status.${status}`)}
            </span>
          </>
        }
      >
        {status === 'idle' ? (
          <EmptyState title={t('netlab.sensor.empty.title')}>{t('netlab.sensor.empty.body')}</EmptyState>
        ) : (
          <>
            <div className="summary-cards">
              {TRANSPORTS.map((transport) => (
                <StatsCard key={transport} transport={transport} />
              ))}
            </div>
            <SensorChart field={fields.includes(config.plot) ? config.plot : (fields[0] ?? '')} />
            <p className="field__hint">{t('netlab.sensor.chart.hint')}</p>
          </>
        )}
        <PythonPanel />
      </LabResults>
    </div>
  );
}

/** Which field of the record the chart plots; changing it starts the lines over. */
function PlotPicker(props: { fields: string[] }) {
  const { t } = useTranslation();
  const id = useId();
  const { config, setConfig, replot } = useSensor((s) => s);
  const { fields } = props;
  return (
    <div className="field field--inline">
      <label htmlFor={`${id}-plot`}>{t('netlab.sensor.plot')}</label>
      <select
        id={`${id}-plot`}
        name="plot"
        value={fields.includes(config.plot) ? config.plot : (fields[0] ?? '')}
        onChange={(e) => {
          setConfig({ ...config, plot: e.target.value });
          replot();
        }}
      >
        {fields.map((f) => (
          <option key={f} value={f}>
            {f}
          </option>
        ))}
      </select>
    </div>
  );
}

function StatsCard(props: { transport: Transport }) {
  const { t } = useTranslation();
  const { transport } = props;
  const view = useSensor((s) => s.view[transport]);
  const status = useSensor((s) => s.status);
  const ports = useSensor((s) => s.ports[transport]);
  const { stats } = view;
  return (
    <article
      className={`summary-card summary-card--${transport}`}
      data-testid={`sensor-stats-${transport}`}
      data-received={stats.received}
      data-missing={stats.missing}
    >
      <h3>{t(`netlab.sensor.cardTitle.${transport}`)}</h3>
      {ports && (
        <p className="summary-card__detail mono">
          {t('netlab.sensor.path', { relay: ports.relay, server: ports.server })}
        </p>
      )}
      <dl>
        <div>
          <dt>{t('netlab.sensor.received')}</dt>
          <dd>{formatNumber(stats.received)}</dd>
          <dd className="summary-card__detail">
            {t('netlab.sensor.perSecond', { rate: status === 'running' ? view.rate : 0 })}
          </dd>
        </div>
        <div>
          <dt>{t('netlab.sensor.missing')}</dt>
          <dd>{formatNumber(stats.missing)}</dd>
        </div>
        <div>
          <dt>{t('netlab.sensor.outOfOrder')}</dt>
          <dd>{formatNumber(stats.outOfOrder)}</dd>
          <dd className="summary-card__detail">{t('netlab.sensor.duplicates', { count: stats.duplicates })}</dd>
        </div>
        <div>
          <dt>{t('netlab.sensor.acks')}</dt>
          <dd>{formatNumber(stats.acks)}</dd>
          {stats.bad > 0 && <dd className="summary-card__detail">{t('netlab.sensor.bad', { count: stats.bad })}</dd>}
        </div>
      </dl>
    </article>
  );
}
