import type { SocketInfo } from '@playground/protocol';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import { formatEndpoint } from '../../ui/format.ts';
import { useNetLab } from '../netlab/model/labStore.ts';

/**
 * "via conditions" on a socket's path: a client whose peer is a relay, or a server's connection whose
 * peer is a relay's side towards it. Says which relay, and where the traffic really comes from or goes.
 */
export function ViaConditions(props: { info: SocketInfo; epoch: number }) {
  const { t } = useTranslation();
  const { info, epoch } = props;
  const remote = info.remote;
  const relay = usePlayground((s) => {
    if (!remote || info.kind === 'relay') return undefined;
    for (const key of s.order) {
      const e = s.sockets[key];
      if (e?.info.kind === 'relay' && e.epoch === epoch && e.state !== 'closed' && e.info.local?.port === remote.port)
        return e.info;
    }
    return undefined;
  });
  // A string, not an object: a selector must return the same value while nothing changed.
  const upstream = useNetLab((s) => {
    if (!remote || relay) return undefined;
    for (const [key, live] of Object.entries(s.relays)) {
      if (!key.startsWith(`${epoch}:`)) continue;
      const flow = live.flows.find((f) => f.upstream.port === remote.port && f.upstream.address === remote.address);
      if (flow) return `${key.slice(key.indexOf(':') + 1)} ${formatEndpoint(flow.peer)}`;
    }
    return undefined;
  });
  if (relay?.conditions) {
    return (
      <p className="via-conditions" data-testid="via-conditions">
        <span className="via-conditions__tag">{t('netlab.conditions.viaTag')}</span>{' '}
        {t('netlab.conditions.viaTo', { relay: relay.id, target: formatEndpoint(relay.conditions.target) })}
      </p>
    );
  }
  if (upstream) {
    const [relayId, peer] = upstream.split(' ');
    return (
      <p className="via-conditions" data-testid="via-conditions">
        <span className="via-conditions__tag">{t('netlab.conditions.viaTag')}</span>{' '}
        {t('netlab.conditions.viaFrom', { relay: relayId, peer })}
      </p>
    );
  }
  return null;
}
