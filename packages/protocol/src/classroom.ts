import { z } from 'zod';
import { ErrorInfo } from './errors.ts';
import { SocketEvent } from './events.ts';
import { MAX_JOINS } from './join-limits.ts';
import { Behaviour, Counters, Endpoint, SocketId, SocketInfo, SocketKind, SocketState } from './vocabulary.ts';

/**
 * The classroom: what a teacher's page watches and does (roster, published servers, spotlight),
 * what students see of the class, how a page resumes its session, and the lesson progress a
 * student's page reports. Commands here are built in commands.ts from the shapes below.
 */

/** A student as the bridge numbers them when they join: `st1`, `st2`, … */
export const StudentId = z.string().min(1).max(64);
export type StudentId = z.infer<typeof StudentId>;

/** Where a learner is in a guided lesson; the teacher's roster shows it. */
export const LessonProgress = z
  .object({
    lessonId: z.string().min(1).max(80),
    /** The lesson's title in the student's language, so the teacher's page needs no lesson files. */
    title: z.string().max(120),
    /** Index of the step on screen, from 0. */
    step: z.number().int().min(0).max(199),
    steps: z.number().int().min(1).max(200),
    /** Indexes of the steps whose check passed (or that the learner marked done). */
    done: z.array(z.number().int().min(0).max(199)).max(200),
  })
  .strict();
export type LessonProgress = z.infer<typeof LessonProgress>;

// Shapes of the commands (commands.ts wraps them in `{id, type}`).
export const ClassWatchShape = {};
export const ClassUnwatchShape = {};
/** A teacher's TCP server or UDP endpoint becomes a server of the class: students see it and may connect. */
export const ClassPublishShape = { socketId: SocketId, published: z.boolean().default(true) };
/** Whether students may connect to each other's servers (off by default). */
export const ClassAllowPeersShape = { allowed: z.boolean() };
/** Closes every socket of every session of that student; the student's page is told why. */
export const ClassStopStudentSocketsShape = { studentId: StudentId };
/**
 * Takes joins back: each student's token stops working at once, their sessions end (close code
 * CLOSE_REMOVED_FROM_CLASS) with every socket, and they leave the roster. To come back they join
 * again with the code.
 */
export const ClassRevokeShape = { studentIds: z.array(StudentId).min(1).max(1000) };
/** Streams one student's events to the teacher's page (null stops). */
export const ClassSpotlightShape = { studentId: StudentId.nullable() };
/** The page reports where its learner is in a lesson (null: no lesson open). */
export const LessonProgressShape = { progress: LessonProgress.nullable() };

/** A socket as a snapshot or the roster shows it: what it is, its state and exact counters. */
export const SocketSnapshot = z.object({
  socket: SocketInfo,
  state: SocketState,
  counters: Counters,
  finSent: z.boolean(),
  finReceived: z.boolean(),
});
export type SocketSnapshot = z.infer<typeof SocketSnapshot>;

/** Sockets one snapshot lists at most (open ones first, then the most recently closed). */
export const MAX_SNAPSHOT_SOCKETS = 250;
/** Recent events one snapshot carries at most; older ones are counted in `truncated`. */
export const MAX_SNAPSHOT_EVENTS = 2000;

/** A session's sockets and its most recent events, as the bridge remembers them. */
export const SessionState = z.object({
  sessionId: z.string(),
  sockets: z.array(SocketSnapshot).max(MAX_SNAPSHOT_SOCKETS),
  /** The most recent events as they went on the wire (gaps in `seq` are folded events). */
  events: z.array(SocketEvent).max(MAX_SNAPSHOT_EVENTS),
  /** Earlier events of the session that are not included. */
  truncated: z.number().int().nonnegative(),
});
export type SessionState = z.infer<typeof SessionState>;

/** Right after a `welcome` with `resumed: true`: where the session stands now. */
export const Snapshot = z.object({ type: z.literal('snapshot'), ...SessionState.shape });
export type Snapshot = z.infer<typeof Snapshot>;

/** A server students may connect to: one the teacher published, or (when allowed) a classmate's. */
export const ClassServer = z.object({
  /** `teacher`: published by the teacher; `student`: a classmate's, listed while peers are allowed. */
  owner: z.enum(['teacher', 'student']),
  /** The classmate's display name. */
  ownerName: z.string().max(40).optional(),
  socketId: SocketId,
  kind: z.enum(['tcp-server', 'udp']),
  /** What a client on this playground connects to: the bridge runs on the server's computer. */
  host: z.string(),
  port: z.number().int().min(1).max(65535),
  behaviour: Behaviour.optional(),
  recvSize: z.number().int().positive(),
});
export type ClassServer = z.infer<typeof ClassServer>;

/** To students (and the teacher): the servers of the class they may use, sent when it changes. */
export const ClassInfo = z.object({
  type: z.literal('class'),
  allowPeers: z.boolean(),
  servers: z.array(ClassServer).max(500),
});
export type ClassInfo = z.infer<typeof ClassInfo>;

/**
 * Sockets one roster entry lists at most (what a student's card shows); the rest are counted in
 * `moreSockets`, and `totals` counts every socket's bytes. It listed 40: with a class at work that
 * made a 400 KB roster twice a second, about 40 ms of parsing and validation on the teacher's page
 * each time, for rows the card never showed.
 */
export const MAX_ROSTER_SOCKETS = 5;

export const RosterSocket = z.object({
  id: SocketId,
  kind: SocketKind,
  state: SocketState,
  local: Endpoint.optional(),
  remote: Endpoint.optional(),
  parentId: SocketId.optional(),
  behaviour: Behaviour.optional(),
  counters: Counters,
  /** The socket's last error: why it closed, when an error closed it (EADDRINUSE, ECONNRESET…). */
  error: ErrorInfo.optional(),
});
export type RosterSocket = z.infer<typeof RosterSocket>;

export const RosterStudent = z.object({
  studentId: StudentId,
  name: z.string(),
  /** `connected`: a page is attached; `away`: the page dropped and the session waits to be resumed; `gone`: no session left. */
  presence: z.enum(['connected', 'away', 'gone']),
  /** Live sessions (tabs) of this student. */
  sessions: z.number().int().nonnegative(),
  sockets: z.array(RosterSocket).max(MAX_ROSTER_SOCKETS),
  moreSockets: z.number().int().nonnegative(),
  /** Bytes in and out of every socket of the session (listed or not), exact, and how many are open. */
  totals: z.object({
    bytesIn: z.number().int().nonnegative(),
    bytesOut: z.number().int().nonnegative(),
    openSockets: z.number().int().nonnegative(),
  }),
  progress: LessonProgress.nullable(),
});
export type RosterStudent = z.infer<typeof RosterStudent>;

/**
 * One join: a token handed out by `POST /api/join`. `waiting` until a page opens a session with
 * it (a waiting join expires unused after a while), `joined` after.
 */
export const ClassJoin = z.object({
  studentId: StudentId,
  name: z.string(),
  /** The address the join came from: many joins from one address stand out. */
  address: z.string(),
  /** When it joined (milliseconds since 1970, the bridge's clock). */
  joinedAt: z.number(),
  status: z.enum(['waiting', 'joined']),
  /** A waiting join that nobody uses is forgotten at this time (milliseconds since 1970). */
  expiresAt: z.number().optional(),
});
export type ClassJoin = z.infer<typeof ClassJoin>;

/** To a teacher's page after `class.watch`, at most a few times a second and only when something changed. */
export const Roster = z.object({
  type: z.literal('roster'),
  /** The code students type, and the addresses they can open (one per network interface). */
  joinCode: z.string().nullable(),
  joinUrls: z.array(z.string()).max(32),
  allowPeers: z.boolean(),
  published: z.array(ClassServer).max(100),
  students: z.array(RosterStudent).max(1000),
  /** Every join the class holds, newest first: the teacher sees floods and takes joins back (`class.revoke`). */
  joins: z.array(ClassJoin).max(MAX_JOINS),
  /** The bridge's rules for joins, so the page says the numbers it runs with. */
  joinRules: z
    .object({
      maxPerAddress: z.number().int().positive(),
      unusedTtlMs: z.number().int().positive(),
    })
    .optional(),
});
export type Roster = z.infer<typeof Roster>;

/** One student's view, streamed to the teacher's page while spotlighted. */
export const Spotlight = z.object({
  type: z.literal('spotlight'),
  /** Null: the spotlight is off. */
  studentId: StudentId.nullable(),
  name: z.string().optional(),
  sessionId: z.string().optional(),
  /** Where the student's session stands: sent first, and again when the student's session changes. */
  state: SessionState.optional(),
  /** The events the student's page just got, as in an `events` message. */
  batch: z
    .object({
      events: z.array(SocketEvent),
      folded: z.number().int().nonnegative(),
      counters: z.record(SocketId, Counters),
    })
    .optional(),
});
export type Spotlight = z.infer<typeof Spotlight>;
