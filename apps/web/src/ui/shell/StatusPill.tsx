import { PROTOCOL_VERSION } from '@playground/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge, usePlayground } from '../../bridge/context.tsx';

/** Re-renders every second while a countdown is on screen. */
function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export function StatusPill() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const connection = usePlayground((s) => s.connection);
  const seconds = useSecondsUntil(connection.retryAt);
  const { status } = connection;

  let text: string = t(`status.${status === 'reconnecting' ? 'reconnectingNow' : status}`);
  if (status === 'reconnecting' && seconds) text = t('status.reconnecting', { seconds });
  return (
    <div className="status">
      <span
        className={`status-pill status-pill--${status}`}
        data-testid="bridge-status"
        data-status={status}
        role="status"
        title={
          status === 'incompatible'
            ? t('status.incompatibleHelp', { server: connection.serverVersion, client: PROTOCOL_VERSION })
            : undefined
        }
      >
        <span className="status-pill__dot" aria-hidden="true" />
        {text}
      </span>
      {status === 'reconnecting' && (
        <button type="button" className="button button--small button--on-dark" onClick={() => bridge.reconnectNow()}>
          {t('status.retryNow')}
        </button>
      )}
    </div>
  );
}
