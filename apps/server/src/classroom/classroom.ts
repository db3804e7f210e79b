import type { EngineEvent } from '@playground/engine';
import type {
  ClassInfo,
  ClassServer,
  Command,
  EventBatch,
  LessonProgress,
  ReplyResult,
  Roster,
  RosterStudent,
  SessionState,
  Spotlight,
} from '@playground/protocol';
import { BridgeError } from '../session/bridge-error.ts';
import type { SocketTable } from './socket-table.ts';

/** What the classroom needs of a session (the Session class implements it). */
export interface ClassMember {
  readonly id: string;
  readonly role: 'local' | 'student' | 'teacher';
  readonly name: string | undefined;
  readonly studentId: string | undefined;
  /** A page is attached right now (false while the session waits to be resumed). */
  readonly attached: boolean;
  readonly table: SocketTable;
  snapshotState(): SessionState;
  sendMessage(message: Roster | ClassInfo | Spotlight): void;
  /** Bytes queued on the page's WebSocket (0 when none is attached). */
  bufferedAmount(): number;
  /** Closes every socket of the session; the session itself stays. */
  stopAllSockets(): Promise<void>;
}

export type ClassCommand = Extract<Command, { type: `class.${string}` | 'lesson.progress' }>;

export interface ClassroomOptions {
  /** LAN mode: the code students type. */
  joinCode: string | undefined;
  /** The addresses students can open, one per network interface. */
  joinUrls: () => string[];
  /** Roster and class updates go out at most this often. */
  intervalMs?: number;
}

interface StudentRecord {
  studentId: string;
  name: string;
  sessions: Set<ClassMember>;
  /** The session the roster and the spotlight show: the one most recently opened or resumed. */
  latest: ClassMember | null;
  progress: LessonProgress | null;
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
  private timer: NodeJS.Timeout | undefined;
  private readonly intervalMs: number;

  constructor(private readonly options: ClassroomOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
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
      throw new BridgeError('not_allowed', `Only the teacher's page may use ${command.type}.`, {
        command: command.type,
        reason: 'teacherOnly',
      });
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
          throw new BridgeError('unknown_socket', `There is no socket ${command.socketId} in this session.`, {
            socketId: command.socketId,
          });
        }
        const server = row.info.kind === 'tcp-server' || (row.info.kind === 'udp' && !row.info.remote);
        if (!server) {
          throw new BridgeError(
            'wrong_socket_kind',
            `${command.socketId} is not a server: publish a TCP server or a UDP endpoint without a default peer.`,
            { socketId: command.socketId, kind: row.info.kind },
          );
        }
        if (command.published && row.state === 'closed') {
          throw new BridgeError('invalid_state', `${command.socketId} is closed, so the class cannot use it.`, {
            socketId: command.socketId,
            reason: 'closed',
          });
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

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private student(studentId: string): StudentRecord {
    const record = this.students.get(studentId);
    if (!record) {
      throw new BridgeError('unknown_student', `There is no student ${studentId} in this class.`, { studentId });
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
    this.timer = setTimeout(() => this.tick(), this.intervalMs);
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
    const info: ClassInfo = { type: 'class', allowPeers: this.allowPeers, servers: this.serversFor(member) };
    const text = JSON.stringify(info);
    if (!force && this.lastSent.get(member) === text) return;
    this.lastSent.set(member, text);
    member.sendMessage(info);
  }

  private roster(): Roster {
    const students: RosterStudent[] = [...this.students.values()]
      .sort((a, b) => a.name.localeCompare(b.name) || a.studentId.localeCompare(b.studentId, 'en', { numeric: true }))
      .map((record) => {
        const live = [...record.sessions];
        const presence = live.length === 0 ? 'gone' : live.some((s) => s.attached) ? 'connected' : 'away';
        const { sockets, more } = record.latest?.table.roster() ?? { sockets: [], more: 0 };
        return {
          studentId: record.studentId,
          name: record.name,
          presence,
          sessions: live.length,
          sockets,
          moreSockets: more,
          progress: record.progress,
        };
      });
    return {
      type: 'roster',
      joinCode: this.options.joinCode ?? null,
      joinUrls: this.options.joinUrls(),
      allowPeers: this.allowPeers,
      published: this.publishedServers(),
      students,
    };
  }

  private publishedServers(): ClassServer[] {
    const servers: ClassServer[] = [];
    for (const owner of this.published) {
      const slash = owner.indexOf('/');
      const member = this.members.get(owner.slice(0, slash));
      const row = member?.table.get(owner.slice(slash + 1));
      const server = row && classServer(row.info, 'teacher');
      if (server && row.state !== 'closed') servers.push(server);
    }
    return servers;
  }

  private serversFor(member: ClassMember): ClassServer[] {
    const servers = this.publishedServers();
    if (!this.allowPeers) return servers;
    for (const other of this.members.values()) {
      if (other.role !== 'student' || other.studentId === member.studentId) continue;
      for (const info of other.table.servers()) {
        const server = classServer(info, 'student', other.name);
        if (server && servers.length < 500) servers.push(server);
      }
    }
    return servers;
  }
}

/** What a client on this playground connects to: the bridge runs where the server listens. */
function classServer(
  info: {
    id: string;
    kind: string;
    local?: { address: string; port: number };
    behaviour?: ClassServer['behaviour'];
    recvSize: number;
  },
  owner: ClassServer['owner'],
  ownerName?: string,
): ClassServer | undefined {
  if ((info.kind !== 'tcp-server' && info.kind !== 'udp') || !info.local || info.local.port === 0) return undefined;
  const address = info.local.address;
  const host = address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address;
  const server: ClassServer = {
    owner,
    socketId: info.id,
    kind: info.kind,
    host,
    port: info.local.port,
    recvSize: info.recvSize,
  };
  if (ownerName) server.ownerName = ownerName;
  if (info.behaviour) server.behaviour = info.behaviour;
  return server;
}
