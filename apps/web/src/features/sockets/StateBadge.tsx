import type { SocketState } from '@playground/protocol';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import './sockets.css';

/**
 * The socket's state as a coloured label; the one-line explanation is its tooltip. Memoised: the
 * rows and cards around it re-render with every count, the badge only when the state changes.
 */
export const StateBadge = memo(function StateBadge(props: { state: SocketState }) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge badge--${props.state}`}
      title={t(`states.${props.state}.explain`)}
      data-testid="state-badge"
    >
      <span className="badge__dot" aria-hidden="true" />
      {t(`states.${props.state}.label`)}
    </span>
  );
});
