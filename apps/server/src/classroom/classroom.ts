import type { EngineEvent } from '@playground/engine';
import {
  type ClassInfo,
  type Command,
  type EventBatch,
  isServerSocket,
  type ReplyResult,
  type Roster,
  type Spotlight,
} from '@playground/protocol';
import type { Credentials } from '../auth/credentials.ts';
import { BridgeError } from '../errors/bridge-error.ts';
import { type Clock, systemClock, type Timer } from '../time/clock.ts';
import type { ClassMember, StudentRecord } from './class-member.ts';
import { type ClassState, publishedServers, rosterStudents, serversFor } from './class-views.ts';

export type { ClassMember } from './class-member.ts';

export type ClassCommand = Extract<Command, { type: `class.${string}` | 'lesson.progress' }>;

export interface ClassroomOptions {
  /** The joins (student tokens): listed on the roster, taken back by `class.revoke`. */
  credentials?: Pick<Credentials, 'joins' | 'joinRules' | 'revoke' | 'used'>;
  /** LAN mode: the code students type. */
  joinCode: string | undefined;
  /** The addresses students can open, one per network interface. */
  joinUrls: () => string[];
  /** Roster and class updates go out at most this often. */
  intervalMs?: number;
  clock?: Clock;
}

interface SpotlightTarget {
  studentId: string;
  sessionId: string | null;
  /** Batches skipped while the teacher's page was behind, reported with the next one. */
  folded: number;
}

/** A teacher's page that is this far behind skips spotlight batches (and counts them) instead of queuing more. */
const SPOTLIGHT_MAX_BUFFERED = 4 * 1024 * 1024;
const DEFAULT_INTERVAL_MS = 500;

/**
 * The class around the sessions of one bridge: who the students are, which servers the teacher
 * published, whether students may use each other's servers, which teachers watch the roster and
 * whom they spotlight. Updates are throttled (a roster at most every `intervalMs`, and only when it
 * changed), so a class of 40 busy students costs the teacher's page two small messages a second.
 */
export class Classroom {
  private readonly members = new Map<string, ClassMember>();
  private readonly students = new Map<string, StudentRecord>();
  /** Owner keys (`<session>/<socket>`) of published servers. */
  private readonly published = new Set<string>();
  private allowPeers = false;
  private readonly watchers = new Set<ClassMember>();
  private readonly spotlights = new Map<ClassMember, SpotlightTarget>();
  private readonly lastSent = new WeakMap<ClassMember, string>();
  private lastRoster = '';
  private rosterDirty = true;
  private classDirty = true;
  private timer: Timer | undefined;
  private readonly intervalMs: number;
  private readonly clock: Clock;

  constructor(private readonly options: ClassroomOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    this.clock = options.clock ?? systemClock;
  }

  join(member: ClassMember): void {
    this.members.set(member.id, member);
    if (member.role === 'student' && member.studentId) {
      let record = this.students.get(member.studentId);
      if (!record) {
        record = {
          studentId: member.studentId,
          name: member.name ?? member.studentId,
          sessions: new Set(),
          latest: null,
          progress: null,
        };
        this.students.set(member.studentId, record);
      }
      record.sessions.add(member);
      this.options.credentials?.used(member.studentId);
      this.becameLatest(record, member);
      this.sendClassInfo(member, true);
    }
    this.markRoster();
  }

  leave(member: ClassMember): void {
    this.members.delete(member.id);
    this.watchers.delete(member);
    this.spotlights.delete(member);
    for (const owner of [...this.published]) if (owner.startsWith(`${member.id}/`)) this.published.delete(owner);
    const record = member.studentId ? this.students.get(member.studentId) : undefined;
    if (record?.sessions.delete(member) && record.latest === member) {
      const rest = [...record.sessions];
      record.latest = rest.at(-1) ?? null;
      if (record.latest) this.becameLatest(record, record.latest);
    }
    this.markClass();
    this.markRoster();
  }

  /** A page attached to (resumed) or detached from a session. */
  presence(member: ClassMember): void {
    const record = member.studentId ? this.students.get(member.studentId) : undefined;
    if (record && member.attached && record.latest !== member) this.becameLatest(record, member);
    if (member.attached) this.sendClassInfo(member, true);
    this.markRoster();
  }

  /** Every engine event of every session: cheap, it only notes what must be sent on the next tick. */
  observe(member: ClassMember, event: EngineEvent): void {
    if (event.type === 'listening' || event.type === 'closed') {
      if (event.type === 'closed' && this.published.delete(`${member.id}/${event.socketId}`)) this.markRoster();
      if (this.allowPeers || member.role !== 'student') this.markClass();
    }
    if (member.role === 'student' && this.watchers.size > 0) this.markRoster();
  }

  /** What a session's page was just sent: copied to teachers who spotlight that student. */
  batchSent(member: ClassMember, batch: EventBatch): void {
    if (this.spotlights.size === 0 || !member.studentId) return;
    for (const [teacher, target] of this.spotlights) {
      if (target.sessionId !== member.id) continue;
      if (teacher.bufferedAmount() > SPOTLIGHT_MAX_BUFFERED) {
        target.folded += batch.events.length + batch.folded;
        continue;
      }
      teacher.sendMessage({
        type: 'spotlight',
        studentId: target.studentId,
        sessionId: member.id,
        batch: { events: batch.events, folded: batch.folded + target.folded, counters: batch.counters },
      });
      target.folded = 0;
    }
  }

  /**
   * LAN mode: whether `requester` may connect to the listener `owner` (`<session>/<socket>`). The
   * teacher (and a local page) may use every server of the playground; a student their own, the
   * ones the teacher published, and classmates' while the teacher allows it.
   */
  mayReach(requester: ClassMember, owner: string): boolean {
    if (requester.role !== 'student') return true;
    const ownerId = owner.slice(0, owner.indexOf('/'));
    const ownerSession = this.members.get(ownerId);
    if (!ownerSession) return false;
    if (ownerSession.role === 'student') {
      return ownerSession.studentId === requester.studentId || this.allowPeers;
    }
    return this.published.has(owner);
  }

  /** The role of a session of this class, e.g. to say whose server holds a port. */
  roleOf(sessionId: string): ClassMember['role'] | undefined {
    return this.members.get(sessionId)?.role;
  }

  async handle(member: ClassMember, command: ClassCommand): Promise<ReplyResult> {
    if (command.type === 'lesson.progress') {
      const record = member.studentId ? this.students.get(member.studentId) : undefined;
      if (record) {
        record.progress = command.progress;
        this.markRoster();
      }
      return {};
    }
    if (member.role !== 'teacher') {
      throw new BridgeError('not_allowed.teacherOnly', { command: command.type, reason: 'teacherOnly' });
    }
    switch (command.type) {
      case 'class.watch':
        this.watchers.add(member);
        this.lastSent.delete(member);
        this.sendRoster(member);
        return {};
      case 'class.unwatch':
        this.watchers.delete(member);
        return {};
      case 'class.publish': {
        const row = member.table.get(command.socketId);
        if (!row) {
          throw new BridgeError('unknown_socket', { socketId: command.socketId });
        }
        const server = isServerSocket(row.info);
        if (!server) {
          throw new BridgeError('wrong_socket_kind.notServer', {
            socketId: command.socketId,
            kind: row.info.kind,
            reason: 'notServer',
          });
        }
        if (command.published && row.state === 'closed') {
          throw new BridgeError('invalid_state.classClosed', { socketId: command.socketId, reason: 'closed' });
        }
        const owner = `${member.id}/${command.socketId}`;
        if (command.published) this.published.add(owner);
        else this.published.delete(owner);
        this.markClass();
        this.markRoster();
        return {};
      }
      case 'class.allowPeers':
        this.allowPeers = command.allowed;
        this.markClass();
        this.markRoster();
        return {};
      case 'class.stopStudentSockets': {
        const record = this.student(command.studentId);
        await Promise.all([...record.sessions].map((s) => s.stopAllSockets()));
        return {};
      }
      case 'class.revoke':
        await this.revoke(command.studentIds);
        return {};
      case 'class.spotlight': {
        if (command.studentId === null) {
          this.spotlights.delete(member);
          member.sendMessage({ type: 'spotlight', studentId: null });
          return {};
        }
        const record = this.student(command.studentId);
        const target: SpotlightTarget = {
          studentId: record.studentId,
          sessionId: record.latest?.id ?? null,
          folded: 0,
        };
        this.spotlights.set(member, target);
        this.sendSpotlightState(member, record);
        return {};
      }
    }
  }

  /** A join was made, first used, expired or taken back: the teacher's list of joins changed. */
  joinsChanged(): void {
    this.markRoster();
  }

  close(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private student(studentId: string): StudentRecord {
    const record = this.students.get(studentId);
    if (!record) {
      throw new BridgeError('unknown_student', { studentId });
    }
    return record;
  }

  private becameLatest(record: StudentRecord, member: ClassMember): void {
    record.latest = member;
    for (const [teacher, target] of this.spotlights) {
      if (target.studentId !== record.studentId || target.sessionId === member.id) continue;
      target.sessionId = member.id;
      this.sendSpotlightState(teacher, record);
    }
  }

  private sendSpotlightState(teacher: ClassMember, record: StudentRecord): void {
    const latest = record.latest;
    const message: Spotlight = { type: 'spotlight', studentId: record.studentId, name: record.name };
    if (latest) {
      message.sessionId = latest.id;
      message.state = latest.snapshotState();
    }
    teacher.sendMessage(message);
  }

  private markRoster(): void {
    this.rosterDirty = true;
    if (this.watchers.size > 0) this.schedule();
  }

  private markClass(): void {
    this.classDirty = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = this.clock.setTimeout(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  private tick(): void {
    this.timer = undefined;
    if (this.rosterDirty && this.watchers.size > 0) {
      this.rosterDirty = false;
      const roster = this.roster();
      const text = JSON.stringify(roster);
      if (text !== this.lastRoster) {
        this.lastRoster = text;
        for (const watcher of this.watchers) this.sendRosterText(watcher, text);
      }
    }
    if (this.classDirty) {
      this.classDirty = false;
      for (const member of this.members.values()) if (member.role === 'student') this.sendClassInfo(member, false);
    }
  }

  private sendRoster(watcher: ClassMember): void {
    const text = JSON.stringify(this.roster());
    this.lastRoster = text;
    this.sendRosterText(watcher, text);
  }

  private sendRosterText(watcher: ClassMember, text: string): void {
    if (this.lastSent.get(watcher) === text) return;
    this.lastSent.set(watcher, text);
    watcher.sendMessage(JSON.parse(text) as Roster);
  }

  /** Only what changed for this student, unless `force` (a page that just attached has nothing yet). */
  private sendClassInfo(member: ClassMember, force: boolean): void {
    const info: ClassInfo = { type: 'class', allowPeers: this.allowPeers, servers: serversFor(this.state, member) };
    const text = JSON.stringify(info);
    if (!force && this.lastSent.get(member) === text) return;
    this.lastSent.set(member, text);
    member.sendMessage(info);
  }

  private get state(): ClassState {
    return { members: this.members, students: this.students, published: this.published, allowPeers: this.allowPeers };
  }

  private roster(): Roster {
    return {
      type: 'roster',
      joinCode: this.options.joinCode ?? null,
      joinUrls: this.options.joinUrls(),
      allowPeers: this.allowPeers,
      published: publishedServers(this.state),
      students: rosterStudents(this.state),
      joins: this.options.credentials?.joins() ?? [],
      ...(this.options.credentials ? { joinRules: this.options.credentials.joinRules } : {}),
    };
  }

  /**
   * Takes joins back (ids already gone are fine: a waiting join may just have expired). Their tokens
   * stop working first, so a page cannot open a new session while the old ones end.
   */
  private async revoke(studentIds: readonly string[]): Promise<void> {
    this.options.credentials?.revoke(studentIds);
    const ending: Promise<void>[] = [];
    for (const id of studentIds) {
      const record = this.students.get(id);
      if (!record) continue;
      this.students.delete(id);
      for (const [teacher, target] of this.spotlights) {
        if (target.studentId !== id) continue;
        this.spotlights.delete(teacher);
        teacher.sendMessage({ type: 'spotlight', studentId: null });
      }
      ending.push(...[...record.sessions].map((s) => s.removeFromClass()));
    }
    this.markRoster();
    await Promise.all(ending);
  }
}
