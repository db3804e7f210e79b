import type { WireStatus } from '@playground/protocol';
import { useTranslation } from 'react-i18next';

const PLATFORMS = ['linux', 'macos', 'windows'] as const;
type Platform = (typeof PLATFORMS)[number];

const platformOf = (platform: string): Platform =>
  platform === 'darwin' ? 'macos' : platform === 'win32' ? 'windows' : 'linux';

/** The capture's state in one line; when it cannot run, why, and how to allow it on each system. */
export function CaptureStatus(props: { status: WireStatus | null; onRetry(): void }) {
  const { t } = useTranslation();
  const { status } = props;
  const state = status?.state ?? 'connecting';
  const blocked = state === 'not-permitted' || state === 'unavailable' || state === 'failed' || state === 'disabled';
  return (
    <div className="wire__status" data-testid="wire-status" data-state={state}>
      <p className={`wire__state wire__state--${state}`} role="status">
        <span className="wire__dot" aria-hidden="true" />
        {t(`wire.state.${state}`)}
        {status?.capture && state === 'capturing' && (
          <span className="wire__capture mono" title={status.capture.filter}>
            {status.capture.interface} · {t('wire.filter', { filter: status.capture.filter })}
          </span>
        )}
      </p>
      {status?.capture?.blocks && state === 'capturing' && (
        <p className="wire__note" data-testid="wire-blocks">
          {t('wire.blocks')}
        </p>
      )}
      {blocked && status && <CaptureHelp status={status} onRetry={props.onRetry} />}
    </div>
  );
}

function CaptureHelp(props: { status: WireStatus; onRetry(): void }) {
  const { t } = useTranslation();
  const { status } = props;
  const mine = platformOf(status.platform);
  // The bridge's own system first, open; the others folded below it.
  const order = [mine, ...PLATFORMS.filter((p) => p !== mine)];
  return (
    <div className="wire__help" data-testid="capture-help">
      {status.reason && (
        <p className="wire__reason" data-testid="capture-reason">
          {t('wire.help.said', { reason: status.reason })}
        </p>
      )}
      {status.state === 'disabled' ? (
        <p>{t('wire.help.disabled')}</p>
      ) : (
        <>
          <p>{t('wire.help.why')}</p>
          <h3 className="wire__h">{t('wire.help.title')}</h3>
          {order.map((platform) => (
            <details key={platform} open={platform === mine} className="wire__platform" data-platform={platform}>
              <summary>{t(`wire.help.${platform}.title`)}</summary>
              {platform === 'linux' && (
                <>
                  <p className="mono">{t('wire.help.linux.setcap')}</p>
                  <p>{t('wire.help.linux.group')}</p>
                  <p>{t('wire.help.linux.install')}</p>
                </>
              )}
              {platform === 'macos' && <p>{t('wire.help.macos.chmodbpf')}</p>}
              {platform === 'windows' && <p>{t('wire.help.windows.npcap')}</p>}
            </details>
          ))}
          <button type="button" className="button button--small" onClick={props.onRetry}>
            {t('wire.retry')}
          </button>
        </>
      )}
    </div>
  );
}
