import { encodePayload, PayloadError } from '@playground/codec';
import type { Engine } from '@playground/engine';
import { Command, type CommandId, type Limits, type Payload, type ReplyResult } from '@playground/protocol';
import type { z } from 'zod';
import type { TargetPolicy } from '../policy/target-policy.ts';
import { BridgeError } from './bridge-error.ts';

/** Reads a raw WebSocket message into a valid command, or says exactly what is wrong with it. */
export function parseCommand(raw: string): { id: CommandId | null; command?: Command; error?: BridgeError } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { id: null, error: new BridgeError('bad_json', 'The message is not valid JSON.') };
  }
  const id = commandIdOf(json);
  const parsed = Command.safeParse(json);
  if (!parsed.success) {
    return { id, error: new BridgeError('bad_command', describeIssues(parsed.error.issues)) };
  }
  return { id, command: parsed.data };
}

function commandIdOf(json: unknown): CommandId | null {
  if (typeof json !== 'object' || json === null) return null;
  const id = (json as { id?: unknown }).id;
  return typeof id === 'string' || (typeof id === 'number' && Number.isInteger(id)) ? id : null;
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 3).map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  return `The command is not valid. ${parts.join('; ')}`;
}

export interface DispatchContext {
  engine: Engine;
  policy: TargetPolicy;
  limits: Limits;
}

/** Carries out one valid command; policy is checked before the engine is touched. */
export async function dispatch(command: Command, ctx: DispatchContext): Promise<ReplyResult> {
  const { engine, policy } = ctx;
  switch (command.type) {
    case 'tcp.listen': {
      policy.checkListen(command.host, command.port);
      checkQuota(ctx, 'tcp-server');
      const { host, port, backlog, recvSize, behaviour } = command;
      return { socket: await engine.tcpListen({ host, port, backlog, recvSize, behaviour }) };
    }
    case 'tcp.connect': {
      checkQuota(ctx, 'tcp-client');
      const target = await policy.checkTarget(command.host, command.port);
      const { recvSize, timeoutMs } = command;
      return { socket: await engine.tcpConnect({ host: target.address, port: target.port, recvSize, timeoutMs }) };
    }
    case 'udp.bind': {
      policy.checkListen(command.host, command.port);
      checkQuota(ctx, 'udp');
      const remote = command.remote ? await policy.checkTarget(command.remote.host, command.remote.port) : undefined;
      const { host, port, recvSize, behaviour } = command;
      const socket = await engine.udpBind({
        host,
        port,
        recvSize,
        behaviour,
        ...(remote ? { remote: { host: remote.address, port: remote.port } } : {}),
      });
      return { socket };
    }
    case 'socket.send': {
      const bytes = decodePayload(command.data, ctx.limits.maxMessageBytes);
      const to = command.to ? await policy.checkTarget(command.to.host, command.to.port) : undefined;
      const sent = await engine.send(command.socketId, bytes, to ? { host: to.address, port: to.port } : undefined);
      return { bytes: sent };
    }
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
  }
}

function decodePayload(payload: Payload, maxBytes: number): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = encodePayload(payload.encoding, payload.value);
  } catch (err) {
    if (err instanceof PayloadError) throw new BridgeError('bad_payload', err.message);
    throw err;
  }
  if (bytes.byteLength > maxBytes) {
    throw new BridgeError('quota', `A message may be at most ${maxBytes} bytes; this one is ${bytes.byteLength}.`, {
      limit: 'maxMessageBytes',
      max: maxBytes,
      size: bytes.byteLength,
    });
  }
  return bytes;
}

function checkQuota(ctx: DispatchContext, kind: 'tcp-server' | 'tcp-client' | 'udp'): void {
  const open = ctx.engine.sockets();
  if (open.length >= ctx.limits.maxSockets) {
    throw new BridgeError('quota', `This session already has ${open.length} open sockets, the most allowed.`, {
      limit: 'maxSockets',
      max: ctx.limits.maxSockets,
    });
  }
  if (kind === 'tcp-server' || kind === 'udp') {
    const servers = open.filter((s) => s.kind === 'tcp-server' || s.kind === 'udp').length;
    if (servers >= ctx.limits.maxServers) {
      throw new BridgeError('quota', `This session already has ${servers} servers, the most allowed.`, {
        limit: 'maxServers',
        max: ctx.limits.maxServers,
      });
    }
  }
}
