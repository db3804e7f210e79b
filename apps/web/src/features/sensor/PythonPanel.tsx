import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProtocolPicker } from '../../ui/form/ProtocolPicker.tsx';
import { parseFields, type Transport, useSensor } from './model/sensorRun.ts';
import { pythonSensorClient } from './pythonClient.ts';
import './sensor.css';

/** The same sensor in Python, ready to run from a terminal against the lab's servers. */
export function PythonPanel() {
  const { t } = useTranslation();
  const config = useSensor((s) => s.config);
  const ports = useSensor((s) => s.ports);
  const [transport, setTransport] = useState<Transport>('udp');
  const [viaRelay, setViaRelay] = useState(true);
  const [copied, setCopied] = useState(false);
  const target = ports[transport];
  const port = target ? (viaRelay ? target.relay : target.server) : 5005;
  const code = useMemo(
    () =>
      pythonSensorClient({
        transport,
        host: '127.0.0.1',
        port,
        format: config.format,
        fields: parseFields(config.fieldsText),
        rateHz: config.rateHz,
        count: Math.min(1000, config.rateHz * 10),
        sensorId: transport === 'tcp' ? 11 : 12,
        ack: config.ack,
      }),
    [transport, port, config],
  );
  const copy = () => {
    void navigator.clipboard?.writeText(code).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    });
  };
  return (
    <section className="sensor-python" aria-labelledby="python-title" data-testid="sensor-python">
      <div className="sensor-python__head">
        <h3 id="python-title">{t('netlab.sensor.python.title')}</h3>
        <ProtocolPicker name="python-transport" label={t('forms.protocol')} value={transport} onChange={setTransport} />
        <label className="toggle">
          <input type="checkbox" checked={viaRelay} onChange={(e) => setViaRelay(e.target.checked)} />
          {t('netlab.sensor.python.viaRelay')}
        </label>
        <button type="button" className="button button--small" onClick={copy}>
          {copied ? t('netlab.sensor.python.copied') : t('netlab.sensor.python.copy')}
        </button>
      </div>
      <p className="field__hint">
        {target
          ? t('netlab.sensor.python.hint', { port, file: 'docs/examples/python/sensor_client.py' })
          : t('netlab.sensor.python.noServers', { file: 'docs/examples/python/sensor_client.py' })}
      </p>
      <pre
        className="sensor-python__code"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the code scrolls; the keyboard must reach it.
        tabIndex={0}
      >
        <code>{code}</code>
      </pre>
    </section>
  );
}
