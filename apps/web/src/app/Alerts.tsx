import { useTranslation } from 'react-i18next';
import { usePlayground } from '../bridge/context.tsx';
import { formatError } from '../i18n/formatError.ts';

/** Every failed action also lands here, so an error is noticed even when its control scrolled away. */
export function Alerts() {
  const { t, i18n } = useTranslation();
  const alerts = usePlayground((s) => s.alerts);
  const dismiss = usePlayground((s) => s.dismissAlert);
  return (
    <div className="alerts" role="alert" aria-label={t('alerts.region')}>
      {alerts.map((alert) => (
        <div key={alert.id} className="alert">
          <p>{formatError(i18n, alert.error)}</p>
          <button
            type="button"
            className="alert__close"
            aria-label={t('alerts.dismiss')}
            title={t('alerts.dismiss')}
            onClick={() => dismiss(alert.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
