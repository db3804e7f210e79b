import type { CommandOf, ReplyResult } from '@playground/protocol';
import { BridgeError } from '../errors/bridge-error.ts';
import { checkSocketQuota } from '../quota/socket-quota.ts';
import type { DispatchContext } from './dispatch-context.ts';

/** Conditions relays one session may run at once (each may carry up to 32 clients). */
export const MAX_RELAYS = 8;

type LabCommand = CommandOf<'conditions.create'> | CommandOf<'conditions.update'> | CommandOf<'sensor.start'>;

/**
 * The TCP vs UDP lab's commands. A relay listens like a server (checkListen) and connects onward like
 * a client, so its target passes exactly the policy a client's connect would (checkTarget). A sensor
 * is a client: its target is checked the same way.
 */
export async function dispatchLab(command: LabCommand, ctx: DispatchContext): Promise<ReplyResult> {
  const { engine, policy, limits } = ctx;
  switch (command.type) {
    case 'conditions.create': {
      policy.checkListen(command.host, command.port);
      const target = await policy.checkTarget(command.target.host, command.target.port, command.transport);
      await ctx.wire?.prepare(command.transport, target.port);
      const relays = engine.sockets().filter((s) => s.kind === 'relay').length;
      if (relays >= MAX_RELAYS) {
        throw new BridgeError('quota.maxRelays', { limit: 'maxRelays', max: MAX_RELAYS });
      }
      checkSocketQuota(engine, limits, 'tcp-client');
      const { transport, host, port, settings, seed } = command;
      const socket = await engine.conditionsCreate({
        transport,
        host,
        port,
        target: { host: target.address, port: target.port },
        settings,
        ...(seed === undefined ? {} : { seed }),
      });
      await ctx.wire?.settle();
      return { socket };
    }
    case 'conditions.update':
      return { socket: engine.conditionsUpdate(command.socketId, command.settings) };
    case 'sensor.start': {
      const target = await policy.checkTarget(command.host, command.port, command.transport);
      await ctx.wire?.prepare(command.transport, target.port);
      checkSocketQuota(engine, limits, command.transport === 'tcp' ? 'tcp-client' : 'udp');
      const { transport, format, fields, rateHz, durationS, count, sensorId, recvSize, timeoutMs } = command;
      const socket = await engine.sensorStart({
        transport,
        host: target.address,
        port: target.port,
        format,
        fields,
        rateHz,
        durationS,
        count,
        sensorId,
        recvSize,
        timeoutMs,
      });
      return { socket };
    }
  }
}
