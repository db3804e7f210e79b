import type { DestinationCheck } from '@playground/engine';
import type { ErrorInfo } from '@playground/protocol';
import { BridgeError, toErrorInfo } from '../errors/bridge-error.ts';
import type { TargetPolicy } from './target-policy.ts';

/** A relay's refusals name themselves, so the page can say the relay turned a client away. */
function relayRefusal(err: unknown): ErrorInfo {
  if (err instanceof BridgeError && err.is('not_allowed.notListening')) {
    return toErrorInfo(
      new BridgeError('not_allowed.relayNotListening', { ...err.params, reason: 'relayNotListening' }),
    );
  }
  if (err instanceof BridgeError && err.is('not_allowed.notShared')) {
    return toErrorInfo(new BridgeError('not_allowed.relayNotShared', { ...err.params, reason: 'relayNotShared' }));
  }
  const info = toErrorInfo(err);
  return { ...info, message: `The relay turned a client away: ${info.message}` };
}

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
      return via === 'relay' ? relayRefusal(err) : toErrorInfo(err);
    }
  };
}
