import { encodePayload, PayloadError } from '@playground/codec';
import { Command, CommandId, MAX_SPAWN_MESSAGE_BYTES, type Payload, type ReplyResult } from '@playground/protocol';
import { BridgeError } from '../errors/bridge-error.ts';
import { suggestPort } from '../policy/free-port.ts';
import { checkSocketQuota } from '../quota/socket-quota.ts';
import { tooComplex } from './command-scan.ts';
import type { DispatchContext } from './dispatch-context.ts';
import { dispatchLab } from './lab-commands.ts';
import { plainSend } from './plain-send.ts';
import { dispatchProgram } from './program-commands.ts';
import { planSend } from './send-plan.ts';

/**
 * Reads a raw WebSocket message into a valid command, or says exactly what is wrong with it. Text
 * too deeply nested or with too many values to be any command is not even parsed (`bad_json`).
 */
export function parseCommand(raw: string): { id: CommandId | null; command?: Command; error?: BridgeError } {
  const complex = tooComplex(raw);
  if (complex) return { id: null, error: new BridgeError('bad_json.tooComplex', { reason: complex }) };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { id: null, error: new BridgeError('bad_json.notJson', {}) };
  }
  const send = plainSend(json);
  if (send) return { id: send.id, command: send };
  const parsed = Command.safeParse(json);
  if (!parsed.success) {
    const reason = describeIssues(parsed.error.issues);
    return { id: commandIdOf(json), error: new BridgeError('bad_command.invalid', { reason }) };
  }
  return { id: parsed.data.id, command: parsed.data };
}

/** The id is echoed in the reply only if it is a valid id, so the reply itself always fits the protocol. */
function commandIdOf(json: unknown): CommandId | null {
  // No id, no zod: a failed parse builds an error with messages, the most a bad message costs.
  if (typeof json !== 'object' || json === null || (json as { id?: unknown }).id === undefined) return null;
  const id = CommandId.safeParse((json as { id?: unknown }).id);
  return id.success ? id.data : null;
}

interface Issue {
  path: PropertyKey[];
  message: string;
}

function describeIssues(issues: Issue[]): string {
  const parts = issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message));
  return `The command is not valid. ${parts.join('; ')}`;
}

/**
 * Carries out one valid command; policy is checked before the engine is touched, and the socket
 * quota right before the engine call (after any await), so concurrent commands cannot overshoot it.
 */
export function dispatch(command: Command, ctx: DispatchContext): Promise<ReplyResult> {
  if ('call' in command && command.call && ctx.pageCalls) {
    return ctx.pageCalls.carry(command, command.call, () => carryOut(command, ctx));
  }
  return carryOut(command, ctx);
}

async function carryOut(command: Command, ctx: DispatchContext): Promise<ReplyResult> {
  const { engine, policy, limits } = ctx;
  switch (command.type) {
    case 'tcp.listen': {
      policy.checkListen(command.host, command.port);
      checkSocketQuota(engine, limits, 'tcp-server');
      const { host, port, backlog, recvSize, behaviour, concurrency, framing, sensor, reuseAddress, manual } = command;
      const socket = await engine.tcpListen({
        host,
        port,
        backlog,
        recvSize,
        behaviour: manual ? 'none' : behaviour,
        concurrency,
        framing,
        sensor,
        reuseAddress,
        manual,
      });
      await ctx.wire?.settle();
      return { socket };
    }
    case 'tcp.connect': {
      const target = await policy.checkTarget(command.host, command.port, 'tcp');
      await ctx.wire?.prepare('tcp', target.port);
      checkSocketQuota(engine, limits, 'tcp-client');
      const { recvSize, timeoutMs, manual } = command;
      return {
        socket: await engine.tcpConnect({ host: target.address, port: target.port, recvSize, timeoutMs, manual }),
      };
    }
    case 'udp.bind': {
      policy.checkListen(command.host, command.port);
      const remote = command.remote
        ? await policy.checkTarget(command.remote.host, command.remote.port, 'udp')
        : undefined;
      checkSocketQuota(engine, limits, 'udp');
      const { host, port, recvSize, behaviour, framing, sensor, manual } = command;
      const socket = await engine.udpBind({
        host,
        port,
        recvSize,
        behaviour: manual ? 'none' : behaviour,
        manual,
        framing,
        sensor,
        ...(remote ? { remote: { host: remote.address, port: remote.port } } : {}),
      });
      await ctx.wire?.settle();
      return { socket };
    }
    case 'socket.send': {
      const { bytes, split, total } = planSend(
        decodePayload(command.data, limits.maxMessageBytes),
        command,
        limits.maxMessageBytes,
      );
      const to = command.to ? await policy.checkTarget(command.to.host, command.to.port, 'udp') : undefined;
      if (to) await ctx.wire?.prepare('udp', to.port);
      ctx.rate.checkSend(total);
      const sent = await ctx.sendBuffer.track(command.socketId, total, () =>
        engine.send(command.socketId, bytes, to ? { host: to.address, port: to.port } : undefined, split),
      );
      return { bytes: sent };
    }
    case 'socket.setNoDelay':
      engine.setNoDelay(command.socketId, command.noDelay);
      return {};
    case 'socket.pauseReading':
      engine.setReadingPaused(command.socketId, command.paused);
      return {};
    case 'tcp.end':
      engine.end(command.socketId);
      return {};
    case 'tcp.reset':
      engine.reset(command.socketId);
      return {};
    case 'socket.close':
      await engine.close(command.socketId);
      return {};
    case 'socket.setRecvSize':
      engine.setRecvSize(command.socketId, command.recvSize);
      return {};
    case 'server.stopListening':
      engine.stopListening(command.socketId);
      return {};
    case 'tcp.spawn': {
      const spawner = required(ctx.spawner, command.type);
      const message = decodePayload(command.data, Math.min(limits.maxMessageBytes, MAX_SPAWN_MESSAGE_BYTES));
      const target = await policy.checkTarget(command.host, command.port, 'tcp');
      await ctx.wire?.prepare('tcp', target.port);
      spawner.checkQuota(limits, command.count, target.port);
      return { sockets: await spawner.spawn(command, target, message) };
    }
    case 'port.suggest': {
      const { transport, host, port } = command;
      policy.checkListen(host, port);
      return { port: await suggestPort(transport, host, port, (p) => policy.allowsListen(host, p)) };
    }
    case 'kernel.watch':
      required(ctx.kernel, command.type).watch(command.intervalMs, command.scope);
      return {};
    case 'kernel.unwatch':
      required(ctx.kernel, command.type).unwatch();
      return {};
    case 'wire.watch':
      await required(ctx.wire, command.type).watch();
      return {};
    case 'wire.unwatch':
      required(ctx.wire, command.type).unwatch();
      return {};
    case 'trace.code':
      return { trace: required(ctx.programs, command.type).code(command.renew) };
    case 'socket.recv':
    case 'socket.accept':
    case 'socket.select':
      return dispatchProgram(command, ctx);
    case 'conditions.create':
    case 'conditions.update':
    case 'sensor.start':
      return dispatchLab(command, ctx);
    case 'class.watch':
    case 'class.unwatch':
    case 'class.publish':
    case 'class.allowPeers':
    case 'class.stopStudentSockets':
    case 'class.spotlight':
    case 'class.revoke':
    case 'lesson.progress':
      return required(ctx.classroom, command.type).handle(command);
  }
}

function required<T>(service: T | undefined, type: string): T {
  if (service === undefined) throw new BridgeError('bad_command.unavailable', { command: type });
  return service;
}

function decodePayload(payload: Payload, maxBytes: number): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = encodePayload(payload.encoding, payload.value);
  } catch (err) {
    if (err instanceof PayloadError) throw new BridgeError('bad_payload', { reason: err.message });
    throw err;
  }
  if (bytes.byteLength > maxBytes) {
    throw new BridgeError('quota.maxMessageBytes', { limit: 'maxMessageBytes', max: maxBytes, size: bytes.byteLength });
  }
  return bytes;
}
