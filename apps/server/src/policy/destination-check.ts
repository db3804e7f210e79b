import type { DestinationCheck } from '@playground/engine';
import { toErrorInfo } from '../errors/bridge-error.ts';
import type { TargetPolicy } from './target-policy.ts';

/** A relay's refusals name themselves, so the page can say the relay turned a client away. */
const RELAY_REASONS: Record<string, string> = { notListening: 'relayNotListening', notShared: 'relayNotShared' };

/**
 * The engine's check of a relay's target and a UDP socket's default peer, each time they are used:
 * the same verdict as a direct connect or send at that moment (`checkAddress`). A classmate's server
 * that closed, or that the teacher no longer shares, stops being reachable through a relay or a
 * default peer as it stops being reachable directly; a host process that took its port is not a
 * server of this playground.
 */
export function destinationCheck(policy: TargetPolicy): DestinationCheck {
  return (target, transport, via) => {
    try {
      policy.checkAddress(target.host, target.port, transport);
      return undefined;
    } catch (err) {
      const info = toErrorInfo(err);
      if (via !== 'relay') return info;
      const reason = RELAY_REASONS[String(info.params?.reason)];
      return {
        ...info,
        message: `The relay turned a client away: ${info.message}`,
        ...(reason ? { params: { ...info.params, reason } } : {}),
      };
    }
  };
}
