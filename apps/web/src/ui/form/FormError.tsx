import { useTranslation } from 'react-i18next';
import { formatError } from '../../i18n/formatError.ts';
import type { ErrorCodeInfo } from '../../store/state.ts';

/** The reply error of the action just above it, in the learner's words. */
export function FormError(props: { error: ErrorCodeInfo | null; action?: string }) {
  const { t, i18n } = useTranslation();
  if (!props.error) return null;
  const message = formatError(i18n, props.error);
  return (
    <p className="inline-error">
      {props.action ? t('sockets.actionFailed', { action: props.action, message }) : message}
    </p>
  );
}
