import { z } from 'zod';
import { type VariantTable, variant } from './define.ts';

// `address` is what `host` resolved to: sent for tools, not used in the sentences.
const target = z.object({
  host: z.string(),
  address: z.string().optional(),
  port: z.number(),
  transport: z.string(),
});
const address = z.object({ host: z.string(), address: z.string() });

const notListening = (p: z.infer<typeof target>) =>
  `In a classroom the playground only connects to servers of this playground; nothing here listens for ${p.transport} on ${p.host} port ${p.port}.`;
const notShared = (p: z.infer<typeof target>) =>
  `The ${p.transport} server on ${p.host} port ${p.port} belongs to someone else in the class and is not shared: the teacher publishes servers, and allows connecting to classmates' servers.`;
const RELAY = 'The relay turned a client away: ';

/** What the bridge's policy refuses (`not_allowed`); a variant listed first wins. */
export const POLICY_ERRORS = {
  'not_allowed.programSocket': variant(
    z.object({ reason: z.literal('programSocket'), socketId: z.string(), program: z.string(), pid: z.number() }),
    (p) =>
      `Socket ${p.socketId} belongs to ${p.program ? `${p.program} (pid ${p.pid})` : 'another program'}: the playground only watches it, your program decides what it does.`,
  ),
  'not_allowed.teacherOnly': variant(
    z.object({ reason: z.literal('teacherOnly'), command: z.string() }),
    (p) => `Only the teacher's page may use ${p.command}.`,
  ),
  'not_allowed.notShared': variant(target.extend({ reason: z.literal('notShared') }), notShared),
  'not_allowed.notListening': variant(target.extend({ reason: z.literal('notListening') }), notListening),
  'not_allowed.relayNotListening': variant(
    target.extend({ reason: z.literal('relayNotListening') }),
    (p) => RELAY + notListening(p),
  ),
  'not_allowed.relayNotShared': variant(
    target.extend({ reason: z.literal('relayNotShared') }),
    (p) => RELAY + notShared(p),
  ),
  'not_allowed.scoped': variant(
    address.extend({ reason: z.literal('scoped') }),
    (p) =>
      `${p.address} names a network interface (a scoped, link-local address); the playground never connects there.`,
  ),
  'not_allowed.unspecified': variant(
    address.extend({ reason: z.literal('unspecified') }),
    (p) =>
      `${p.address} means "any address": a server can listen on it, but a client cannot connect to it. Use 127.0.0.1 to reach this computer.`,
  ),
  'not_allowed.special': variant(
    address.extend({ reason: z.literal('special'), range: z.string() }),
    (p) =>
      `${p.address} is a ${p.range} address; the playground never connects there unless the operator names it with --allow-target.`,
  ),
  'not_allowed.portRange': variant(
    z.object({ port: z.number(), minPort: z.number(), maxPort: z.number() }),
    (p) =>
      `Port ${p.port} is outside the allowed range ${p.minPort}-${p.maxPort}. Ports below 1024 are privileged: the operating system reserves them for system services.`,
  ),
  'not_allowed.notLoopback': variant(
    address,
    (p) =>
      `This playground only connects to this computer (loopback: 127.0.0.1 or ::1); ${p.address} is not one of them.`,
  ),
  'not_allowed.listenHost': variant(
    z.object({ host: z.string() }),
    (p) =>
      `A server can listen on 127.0.0.1, ::1, localhost (this computer only) or 0.0.0.0, :: (every interface), not on ${p.host}.`,
  ),
  'not_allowed.ownPort': variant(
    z.object({ port: z.number() }),
    (p) => `Port ${p.port} is the playground's own port; pick another one.`,
  ),
} satisfies VariantTable;
