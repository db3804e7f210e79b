import { MAX_SENSOR_DURATION_S, MAX_SENSOR_RATE_HZ } from '@playground/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge, usePlayground } from '../../bridge/context.tsx';
import { formatError } from '../../i18n/formatError.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ConditionsForm } from '../conditions/ConditionsForm.tsx';
import { useNetLab } from '../netlab/labStore.ts';
import { PythonPanel } from './PythonPanel.tsx';
import { SensorChart } from './SensorChart.tsx';
import { configProblem, parseFields, SensorLab, TRANSPORTS, type Transport, useSensor } from './sensorRun.ts';

const clampInt = (raw: string, min: number, max: number) =>
  Math.min(max, Math.max(min, Math.round(Number(raw)) || min));

/** Seed 003's sensor: random readings as struct records over TCP and UDP, through the same network. */
export function SensorView() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const bridge = useBridge();
  const upsert = usePlayground((s) => s.upsertSocket);
  const epoch = usePlayground((s) => s.epoch);
  const connected = usePlayground((s) => s.connection.status === 'connected');
  const settings = useNetLab((s) => s.settings);
  const seed = useNetLab((s) => s.seed);
  const setSettings = useNetLab((s) => s.setSettings);
  const setSeed = useNetLab((s) => s.setSeed);
  const { config, setConfig, status, error } = useSensor();
  const problem = configProblem(config);
  const fields = parseFields(config.fieldsText);
  const running = status === 'running' || status === 'starting';
  const set = <K extends keyof typeof config>(key: K, value: (typeof config)[K]) =>
    setConfig({ ...config, [key]: value });
  const noTransport = !config.tcp && !config.udp;

  const start = (event: React.FormEvent) => {
    event.preventDefault();
    if (problem || noTransport) return;
    void SensorLab.start(bridge, upsert, epoch, settings, seed);
  };

  return (
    <div className="netlab-page" data-testid="sensor-view" data-status={status}>
      <form className="netlab-page__controls panel" onSubmit={start} aria-labelledby={`${id}-title`} noValidate>
        <div className="panel__header">
          <h2 id={`${id}-title`}>{t('netlab.sensor.title')}</h2>
        </div>
        <div className="panel__body netlab-controls">
          <p className="netlab-controls__intro">{t('netlab.sensor.intro')}</p>
          <h3 className="netlab-controls__heading">{t('netlab.sensor.record')}</h3>
          <div className="field">
            <label htmlFor={`${id}-format`}>{t('netlab.sensor.format')}</label>
            <input
              id={`${id}-format`}
              name="format"
              type="text"
              className="mono"
              spellCheck={false}
              value={config.format}
              disabled={running}
              aria-invalid={problem !== null}
              aria-describedby={`${id}-record-hint`}
              onChange={(e) => set('format', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-fields`}>{t('netlab.sensor.fields')}</label>
            <input
              id={`${id}-fields`}
              name="fields"
              type="text"
              className="mono"
              spellCheck={false}
              value={config.fieldsText}
              disabled={running}
              aria-invalid={problem !== null}
              aria-describedby={`${id}-record-hint`}
              onChange={(e) => set('fieldsText', e.target.value)}
            />
          </div>
          <p
            id={`${id}-record-hint`}
            className={problem ? 'field__error' : 'field__hint'}
            data-testid="sensor-record-problem"
          >
            {problem ?? t('netlab.sensor.recordHint')}
          </p>
          <fieldset className="conditions-form__group">
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
          <div className="conditions-form__row">
            <div className="field">
              <label htmlFor={`${id}-rate`}>{t('netlab.sensor.rate')}</label>
              <input
                id={`${id}-rate`}
                name="rateHz"
                type="number"
                min={1}
                max={MAX_SENSOR_RATE_HZ}
                value={config.rateHz}
                disabled={running}
                onChange={(e) => set('rateHz', clampInt(e.target.value, 1, MAX_SENSOR_RATE_HZ))}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-duration`}>{t('netlab.sensor.duration')}</label>
              <input
                id={`${id}-duration`}
                name="durationS"
                type="number"
                min={1}
                max={MAX_SENSOR_DURATION_S}
                value={config.durationS}
                disabled={running}
                onChange={(e) => set('durationS', clampInt(e.target.value, 1, MAX_SENSOR_DURATION_S))}
              />
            </div>
          </div>
          <div className="button-row">
            <button
              type="submit"
              className="button button--primary"
              disabled={running || !connected || problem !== null || noTransport}
              data-testid="sensor-start"
            >
              {t('netlab.sensor.start')}
            </button>
            <button
              type="button"
              className="button"
              disabled={status !== 'running'}
              onClick={() => void SensorLab.stop()}
            >
              {t('netlab.sensor.stop')}
            </button>
            <button
              type="button"
              className="button"
              disabled={running || status === 'idle'}
              onClick={() => void SensorLab.reset()}
            >
              {t('netlab.sensor.reset')}
            </button>
          </div>
          {error && <p className="inline-error">{formatError(i18n, error)}</p>}
          <h3 className="netlab-controls__heading">{t('netlab.conditions.title')}</h3>
          <ConditionsForm value={settings} onChange={setSettings} seed={seed} onSeed={setSeed} />
        </div>
      </form>

      <section className="netlab-page__results panel" aria-label={t('netlab.sensor.results')}>
        <div className="panel__header">
          <h2>{t('netlab.sensor.results')}</h2>
          <div className="field field--inline">
            <label htmlFor={`${id}-plot`}>{t('netlab.sensor.plot')}</label>
            <select
              id={`${id}-plot`}
              name="plot"
              value={fields.includes(config.plot) ? config.plot : (fields[0] ?? '')}
              onChange={(e) => {
                setConfig({ ...config, plot: e.target.value });
                SensorLab.replot();
              }}
            >
              {fields.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </div>
          <span className="run-progress" role="status" data-testid="sensor-status">
            {t(`netlab.sensor.status.${status}`)}
          </span>
        </div>
        <div className="panel__body netlab-results">
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
        </div>
      </section>
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
          <dd>{stats.received.toLocaleString('en')}</dd>
          <dd className="summary-card__detail">
            {t('netlab.sensor.perSecond', { rate: status === 'running' ? view.rate : 0 })}
          </dd>
        </div>
        <div>
          <dt>{t('netlab.sensor.missing')}</dt>
          <dd>{stats.missing.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>{t('netlab.sensor.outOfOrder')}</dt>
          <dd>{stats.outOfOrder.toLocaleString('en')}</dd>
          <dd className="summary-card__detail">{t('netlab.sensor.duplicates', { count: stats.duplicates })}</dd>
        </div>
        <div>
          <dt>{t('netlab.sensor.acks')}</dt>
          <dd>{stats.acks.toLocaleString('en')}</dd>
          {stats.bad > 0 && <dd className="summary-card__detail">{t('netlab.sensor.bad', { count: stats.bad })}</dd>}
        </div>
      </dl>
    </article>
  );
}
