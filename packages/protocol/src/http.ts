import { z } from 'zod';

/**
 * The HTTP side of connecting. A page first asks `GET /api/session` (local mode: the token) or
 * `POST /api/join` (LAN mode: a student's own token), then opens `/ws?token=…`.
 */
export const Mode = z.enum(['local', 'lan']);
export type Mode = z.infer<typeof Mode>;

export const Role = z.enum(['local', 'student', 'teacher']);
export type Role = z.infer<typeof Role>;

/** `GET /api/session`. `token` is null in LAN mode: students join with a code, the teacher has a link. */
export const SessionInfo = z.object({
  mode: Mode,
  token: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** `POST /api/join` body (JSON). The code is compared without case, spaces or dashes. */
export const JoinRequest = z
  .object({
    code: z.string().min(1).max(32),
    name: z.string().trim().min(1).max(40),
  })
  .strict();
export type JoinRequest = z.infer<typeof JoinRequest>;

export const JoinReply = z.object({
  token: z.string(),
  role: z.literal('student'),
});
export type JoinReply = z.infer<typeof JoinReply>;

/**
 * Body of every refused `/api/…` request; `retryAfterS` (also the Retry-After header) comes with
 * 429; `reason` tells a full class (503) from a computer that joined the most times allowed.
 */
export const HttpError = z.object({
  error: z.string(),
  retryAfterS: z.number().int().optional(),
  reason: z.enum(['classFull', 'addressFull']).optional(),
});
export type HttpError = z.infer<typeof HttpError>;
