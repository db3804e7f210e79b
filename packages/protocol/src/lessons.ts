import { z } from 'zod';
import { Command } from './commands.ts';
import { EVENT_TYPES, type SocketEventType } from './events.ts';
import { KernelTcpState } from './kernel.ts';
import { SocketKind, SocketState } from './vocabulary.ts';
import { TcpFlagName } from './wire.ts';

/**
 * A guided lesson, as a data file (JSON). The built-in lessons and a teacher's own (`--lessons DIR`)
 * use the same format, documented in docs/lessons.md. Lessons are not wire protocol; they live
 * here because both the bridge (which serves and checks a teacher's files) and the page use them.
 */

export const LESSON_FORMAT = 'socket-playground-lesson';
export const LESSON_FORMAT_VERSION = 1;

/** A language code such as `en`, `es` or `pt-BR`. */
const Language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/);

/** Text in one language (a plain string), or in several: `{ "en": "…", "es": "…" }`. */
export const LocalizedText = z.union([
  z.string().min(1).max(4000),
  z
    .record(Language, z.string().min(1).max(4000))
    .refine((texts) => Object.keys(texts).length > 0, 'give the text in at least one language'),
]);
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A name a step gives to a socket it creates (`"as": "server"`), used later as `$server`. */
const RefName = z.string().regex(/^[a-z][a-zA-Z0-9_]{0,31}$/, 'a name of letters and digits, starting lowercase');
/** `$server` (that socket's id); in a port field, `$server.port` (the port it listens on). */
export const SOCKET_REF = /^\$([a-z][a-zA-Z0-9_]{0,31})(\.port)?$/;

/**
 * One command of a preset or a "try this" button: any command of the protocol, without `id`.
 * String values `$name` and `$name.port` refer to sockets made by earlier commands of the lesson.
 */
export const LessonCommand = z
  .object({
    /** Remember the socket this command creates under this name. */
    as: RefName.optional(),
    command: z.record(z.string(), z.unknown()).refine((c) => typeof c.type === 'string', 'a command needs a "type"'),
  })
  .strict();
export type LessonCommand = z.infer<typeof LessonCommand>;

const SocketFilter = {
  /** Only sockets of this kind. */
  kind: SocketKind.optional(),
  /** Only this socket (`$name`), or the connections a named server accepted. */
  socket: z.string().regex(SOCKET_REF).optional(),
};

const EventType = z.enum(EVENT_TYPES as [SocketEventType, ...SocketEventType[]]);

export interface EventCheck {
  type: 'event';
  event: SocketEventType;
  count?: number;
  kind?: z.infer<typeof SocketKind>;
  socket?: string;
  minSize?: number;
  maxSize?: number;
  minLost?: number;
}
export interface StateCheck {
  type: 'state';
  state: z.infer<typeof SocketState>;
  kind?: z.infer<typeof SocketKind>;
  socket?: string;
}
export interface KernelStateCheck {
  type: 'kernel-state';
  state: z.infer<typeof KernelTcpState>;
}
export interface SegmentCheck {
  type: 'segment';
  transport?: 'tcp' | 'udp';
  flags?: z.infer<typeof TcpFlagName>[];
  count?: number;
  socket?: string;
  minLength?: number;
  maxLength?: number;
  zeroWindow?: boolean;
}
export interface ManualCheck {
  type: 'manual';
}
export interface AllCheck {
  type: 'all';
  of: LessonCheck[];
}
export interface AnyCheck {
  type: 'any';
  of: LessonCheck[];
}
export type LessonCheck = EventCheck | StateCheck | KernelStateCheck | SegmentCheck | ManualCheck | AllCheck | AnyCheck;

/**
 * What a step waits for, evaluated by the page over what it has seen since the step began:
 * - `event`: at least `count` events of that type (on sockets matching the filter; bytes within
 *   minSize..maxSize; datagrams that lost at least `minLost` bytes);
 * - `state`: a matching socket that had events during the step is now in that state;
 * - `kernel-state`: the OS view showed a TCP connection in that kernel state (e.g. TIME_WAIT);
 * - `segment`: the wire view captured at least `count` segments with all these `flags` (sent by
 *   `socket`; payload within minLength..maxLength; announcing a zero window);
 * - `manual`: the learner says they did it;
 * - `all` / `any` of several checks.
 */
export const LessonCheck: z.ZodType<LessonCheck> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z
      .object({
        type: z.literal('event'),
        event: EventType,
        count: z.number().int().min(1).max(10_000).optional(),
        ...SocketFilter,
        minSize: z.number().int().min(0).optional(),
        maxSize: z.number().int().min(0).optional(),
        minLost: z.number().int().min(1).optional(),
      })
      .strict(),
    z.object({ type: z.literal('state'), state: SocketState, ...SocketFilter }).strict(),
    z.object({ type: z.literal('kernel-state'), state: KernelTcpState }).strict(),
    z
      .object({
        type: z.literal('segment'),
        transport: z.enum(['tcp', 'udp']).optional(),
        flags: z.array(TcpFlagName).max(8).optional(),
        count: z.number().int().min(1).max(10_000).optional(),
        socket: SocketFilter.socket,
        minLength: z.number().int().min(0).optional(),
        maxLength: z.number().int().min(0).optional(),
        zeroWindow: z.boolean().optional(),
      })
      .strict(),
    z.object({ type: z.literal('manual') }).strict(),
    z.object({ type: z.literal('all'), of: z.array(LessonCheck).min(1).max(10) }).strict(),
    z.object({ type: z.literal('any'), of: z.array(LessonCheck).min(1).max(10) }).strict(),
  ]),
);

export const LessonStep = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/),
    title: LocalizedText,
    /** A few sentences; `code` in backticks and **bold** are shown as such. */
    text: LocalizedText,
    /** Run when the learner opens the step (after confirming): sets up the sockets the step needs. */
    preset: z.array(LessonCommand).max(20).optional(),
    /** The "try this" part: what to do, and optionally a button that does it. */
    try: z
      .object({
        text: LocalizedText,
        /** The button's label; with `commands`, pressing it runs them. */
        label: LocalizedText.optional(),
        commands: z.array(LessonCommand).max(20).optional(),
      })
      .strict()
      .optional(),
    /** Without a check the learner marks the step done. */
    check: LessonCheck.optional(),
    /** Shown when the check passes. */
    success: LocalizedText.optional(),
    /** Shown on request while the check has not passed. */
    hint: LocalizedText.optional(),
  })
  .strict();
export type LessonStep = z.infer<typeof LessonStep>;

export const Lesson = z
  .object({
    format: z.literal(LESSON_FORMAT),
    version: z.literal(LESSON_FORMAT_VERSION),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
    /** Where the lesson sorts in the list (built-in lessons use 1–9). */
    order: z.number().optional(),
    title: LocalizedText,
    summary: LocalizedText,
    /** The tutorial it follows, e.g. `000 (echo, recv(16))`. */
    source: z.string().max(200).optional(),
    steps: z.array(LessonStep).min(1).max(50),
  })
  .strict();
export type Lesson = z.infer<typeof Lesson>;

/** `GET /api/lessons`: a teacher's own lesson files, as found in `--lessons DIR`. */
export const LessonFiles = z.object({
  lessons: z
    .array(
      z.object({
        file: z.string(),
        /** The parsed file; the page validates it (and shows what is wrong with it). */
        lesson: z.unknown(),
        /** The file could not be read or is not JSON. */
        error: z.string().optional(),
      }),
    )
    .max(200),
});
export type LessonFiles = z.infer<typeof LessonFiles>;

/** Text in `language`, else English, else the first language given. */
export function localize(text: LocalizedText, language: string): string {
  if (typeof text === 'string') return text;
  const base = language.split('-')[0] as string;
  return text[language] ?? text[base] ?? text.en ?? (Object.values(text)[0] as string);
}

/** The languages a lesson is written in (every text of it has them). */
export function lessonLanguages(lesson: Lesson): string[] {
  const texts: LocalizedText[] = [lesson.title, lesson.summary];
  for (const step of lesson.steps) {
    texts.push(step.title, step.text);
    if (step.try) texts.push(step.try.text, ...(step.try.label ? [step.try.label] : []));
    if (step.success) texts.push(step.success);
    if (step.hint) texts.push(step.hint);
  }
  let common: string[] | null = null;
  for (const text of texts) {
    if (typeof text === 'string') continue;
    const langs = Object.keys(text);
    common = common === null ? langs : common.filter((l: string) => langs.includes(l));
  }
  return common ?? ['*'];
}

/**
 * Replaces `$name` and `$name.port` in a command by the socket id and port they stand for. A
 * reference the lesson has not defined yet is an error the page shows to the learner.
 */
export function resolveLessonCommand(
  command: Record<string, unknown>,
  sockets: ReadonlyMap<string, { id: string; port?: number }>,
): Record<string, unknown> {
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const ref = SOCKET_REF.exec(value);
      if (!ref) return value;
      const socket = sockets.get(ref[1] as string);
      if (!socket) throw new Error(`The lesson refers to ${value}, which no earlier step created.`);
      if (ref[2]) {
        if (socket.port === undefined) throw new Error(`${ref[1]} has no port to use.`);
        return socket.port;
      }
      return socket.id;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    }
    return value;
  };
  return resolve(command) as Record<string, unknown>;
}

/**
 * Problems a lesson file has beyond its shape: commands that are not valid protocol commands, and
 * references to names no earlier command defines. Empty when the lesson is sound.
 */
export function lessonProblems(lesson: Lesson): string[] {
  const problems: string[] = [];
  const defined = new Map<string, { id: string; port?: number }>();
  const checkRefs = (check: LessonCheck | undefined, where: string): void => {
    if (!check) return;
    if (check.type === 'all' || check.type === 'any') {
      for (const c of check.of) checkRefs(c, where);
      return;
    }
    if ('socket' in check && check.socket) {
      const name = SOCKET_REF.exec(check.socket)?.[1] as string;
      if (!defined.has(name))
        problems.push(`${where}: the check refers to ${check.socket}, which no step defines before it`);
    }
  };
  lesson.steps.forEach((step, index) => {
    const where = `step ${index + 1} (${step.id})`;
    const commands = [...(step.preset ?? []), ...(step.try?.commands ?? [])];
    for (const { as, command } of commands) {
      try {
        const resolved = resolveLessonCommand(command, defined);
        const parsed = Command.safeParse({ ...resolved, id: 1 });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          problems.push(
            `${where}: ${String(command.type)} is not a valid command (${issue?.path.join('.')}: ${issue?.message})`,
          );
        }
      } catch (err) {
        problems.push(`${where}: ${(err as Error).message}`);
      }
      // Stand-in values: at run time the page records the real id and port.
      if (as) defined.set(as, { id: 's1', port: 1024 });
    }
    checkRefs(step.check, where);
  });
  const ids = lesson.steps.map((s) => s.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) problems.push(`two steps are called ${duplicate}`);
  return problems;
}
