import type { TFunction } from 'i18next';
import type { SocketEntry } from '../bridge/state.ts';
import { formatEndpoint } from './format.ts';

/** A short name for a socket in lists: "client s3", or "conn s4 ← 127.0.0.1:51234" for accepted ones. */
export function socketLabel(t: TFunction, entry: Pick<SocketEntry, 'info'>): string {
  const { kind, id, remote } = entry.info;
  const short = t(`sockets.short.${kind}`);
  if (kind === 'tcp-conn' && remote)
    return t('sockets.labelWithPeer', { kind: short, id, remote: formatEndpoint(remote) });
  return t('sockets.label', { kind: short, id });
}
