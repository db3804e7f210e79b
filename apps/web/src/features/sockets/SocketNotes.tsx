import type { SocketInfo } from '@playground/protocol';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../i18n/formatError.ts';
import type { SocketEntry } from '../../store/state.ts';

/** The socket's last error in the learner's words: a refused relay client says here why it was refused. */
export function LastError(props: { entry: SocketEntry }) {
  const { t, i18n } = useTranslation();
  const error = props.entry.lastError;
  if (!error) return null;
  return (
    <p className="inline-error" data-testid="last-error">
      {t('sockets.lastError', { message: formatError(i18n, error) })}
    </p>
  );
}

/** Sockets that take what other computers send them, when bound to every interface. */
const LISTENING = new Set<string>(['tcp-server', 'udp', 'relay']);

/**
 * A server (or relay) bound to 0.0.0.0 or :: listens on every interface of this computer: other
 * computers on the network can reach it directly, whatever the playground's own page allows. Seed
 * 000 asks for exactly that; the card says so plainly.
 */
export function ReachableNote(props: { info: SocketInfo; open: boolean }) {
  const { t } = useTranslation();
  const address = props.info.local?.address;
  if (!props.open || !LISTENING.has(props.info.kind) || (address !== '0.0.0.0' && address !== '::')) return null;
  return (
    <p className="reachable-note" role="note" data-testid="reachable-note">
      {t('sockets.reachableFromNetwork', { address })}
    </p>
  );
}
