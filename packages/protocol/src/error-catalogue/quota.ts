import { z } from 'zod';
import { type VariantTable, variant } from './define.ts';
import { formatBytes, hostPort } from './words.ts';

const limit = <L extends string>(name: L) => z.object({ limit: z.literal(name), max: z.number() });
const sockets = limit('maxSockets');
const sendBuffer = limit('maxSendBufferBytes').extend({ waiting: z.number(), socketId: z.string() });

/** What a session's quotas refuse (`quota`), keyed by the limit; a variant listed first wins. */
export const QUOTA_ERRORS = {
  'quota.relay': variant(
    sockets.extend({
      via: z.literal('relay'),
      host: z.string(),
      port: z.number(),
      transport: z.enum(['tcp', 'udp']),
    }),
    (p) =>
      `${p.transport === 'tcp' ? 'A connection' : 'A datagram'} from ${hostPort(p.host, p.port)} to the relay was ${p.transport === 'tcp' ? 'refused (reset)' : 'dropped'}: its connections would take this session past ${p.max} open sockets, the most allowed.`,
  ),
  'quota.acceptRefused': variant(
    sockets.extend({ host: z.string(), port: z.number() }),
    (p) =>
      `A connection from ${hostPort(p.host, p.port)} was refused (reset): this session already has ${p.max} open sockets, the most allowed.`,
  ),
  'quota.spawnTooMany': variant(
    sockets.extend({ count: z.number(), total: z.number(), accepts: z.number().optional() }),
    (p) =>
      `Spawning ${p.count} clients would make ${p.total} open sockets${p.accepts === undefined ? '' : ` (${p.count} clients and the ${p.accepts} connections your server accepts)`}, but this session may have at most ${p.max}. Close some sockets or spawn fewer.`,
  ),
  'quota.maxSockets': variant(sockets, (p) => `This session already has ${p.max} open sockets, the most allowed.`),
  'quota.maxServers': variant(
    limit('maxServers'),
    (p) => `This session already has ${p.max} servers, the most allowed.`,
  ),
  'quota.maxRelays': variant(
    limit('maxRelays'),
    (p) => `This session already has ${p.max} conditions relays, the most allowed.`,
  ),
  'quota.sendTotal': variant(
    limit('maxMessageBytes').extend({ size: z.number(), repeat: z.number(), each: z.number() }),
    (p) =>
      `A message may be at most ${p.max} bytes in all; ${p.repeat > 1 ? `${p.repeat} times ${p.each} bytes make ${p.size}` : `this one is ${p.size}`}.`,
  ),
  'quota.maxMessageBytes': variant(
    limit('maxMessageBytes').extend({ size: z.number() }),
    (p) => `A message may be at most ${p.max} bytes; this one is ${p.size}.`,
  ),
  'quota.sendBufferSocket': variant(
    sendBuffer.extend({ scope: z.literal('socket') }),
    (p) =>
      `The peer of ${p.socketId} is not reading; ${p.waiting} bytes are waiting in the send buffer, so this message was not sent. Send again once the peer reads (at most ${formatBytes(p.max)} may wait).`,
  ),
  'quota.sendBufferSession': variant(
    sendBuffer.extend({ scope: z.literal('session') }),
    (p) =>
      `Peers of this session are not reading; ${p.waiting} bytes are waiting in send buffers, the most allowed is ${formatBytes(p.max)}. Send again once they read.`,
  ),
  'quota.bytesPerSecond': variant(
    limit('bytesPerSecond'),
    (p) =>
      `This session may move at most ${formatBytes(p.max)} per second and has used that up; wait a moment and send again.`,
  ),
  'quota.eventsPerSecond': variant(
    limit('eventsPerSecond'),
    (p) =>
      `This session may cause at most ${p.max} events per second and has used them up; wait a moment and send again.`,
  ),
  'quota.maxPendingCommands': variant(
    limit('maxPendingCommands'),
    (p) => `This session already has ${p.max} commands in progress, the most allowed; wait for their replies.`,
  ),
} satisfies VariantTable;
