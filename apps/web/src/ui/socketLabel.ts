import type { TFunction } from 'i18next';
import type { SocketEntry } from '../store/state.ts';
import { formatEndpoint } from './format.ts';

/**
 * A short name for a socket in lists: "client s3", or "conn s4 ← 127.0.0.1:51234" for accepted ones,
 * with the program in front for a traced program's socket.
 */
export function socketLabel(t: TFunction, entry: Pick<SocketEntry, 'info'>): string {
  const { kind, id, remote, program } = entry.info;
  const short = t(`sockets.short.${kind}`);
  const label =
    kind === 'tcp-conn' && remote
      ? t('sockets.labelWithPeer', { kind: short, id, remote: formatEndpoint(remote) })
      : t('sockets.label', { kind: short, id });
  // A traced program's socket says whose it is: "my_server.py: conn s7 ← 127.0.0.1:51234".
  return program ? t('sockets.labelProgram', { program: program.name, label }) : label;
}
