import { z } from 'zod';
import { Behaviour, Concurrency, RecvSize } from './vocabulary.ts';

/**
 * "Share a setup as a link": the servers and clients of a session (never their data) in a URL
 * fragment, `#setup=<base64url of this JSON>`. A client of a server of the same setup names it by
 * index (`{ "server": 0 }`), so it follows the server to whatever port it gets.
 */
const Port = z.number().int().min(0).max(65535);
const Host = z.string().min(1).max(253);

export const SetupTarget = z.union([
  z.object({ server: z.number().int().min(0).max(49) }).strict(),
  z.object({ host: Host, port: Port.min(1) }).strict(),
]);
export type SetupTarget = z.infer<typeof SetupTarget>;

export const SetupItem = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('tcp-server'),
      host: Host,
      port: Port,
      recvSize: RecvSize,
      backlog: z.number().int().min(0).max(4096).optional(),
      behaviour: Behaviour.optional(),
      concurrency: Concurrency.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('tcp-client'), to: SetupTarget, recvSize: RecvSize }).strict(),
  z
    .object({
      kind: z.literal('udp'),
      host: Host,
      port: Port,
      recvSize: RecvSize,
      behaviour: Behaviour.optional(),
      /** A UDP "client": its default peer. */
      to: SetupTarget.optional(),
    })
    .strict(),
]);
export type SetupItem = z.infer<typeof SetupItem>;

export const Setup = z.object({ v: z.literal(1), items: z.array(SetupItem).min(1).max(50) }).strict();
export type Setup = z.infer<typeof Setup>;
