import { type ClassJoin, MAX_JOINS, type Mode, type Role } from '@playground/protocol';
import { normalizeJoinCode, randomJoinCode, randomToken, safeEqual } from './tokens.ts';

export interface Identity {
  role: Role;
  /** The name a student typed when joining. */
  name?: string;
  /** A student's id (`st1`, …): the same student across reloads and tabs. */
  studentId?: string;
}

/** A student token is `<id>.<secret>`: the id finds the entry, the secret is compared in constant time. */
interface Student {
  secret: string;
  name: string;
  address: string;
  joinedAt: number;
  /** A page opened a session with the token; until then the join expires unused. */
  used: boolean;
  expiresAt: number;
}

export type JoinOutcome =
  | { ok: true; token: string; studentId: string }
  | { ok: false; reason: 'classFull' | 'addressFull'; max: number };

export interface CredentialsOptions {
  maxJoinsPerAddress: number;
  unusedJoinTtlMs: number;
  /** The joins changed (a join, a first session, an expiry, a revocation): the teacher's roster shows them. */
  onChange?: () => void;
  now?: () => number;
}

/**
 * The secrets of one run of the bridge. Local mode has one token, handed to pages on this computer
 * by `GET /api/session`. LAN mode has a teacher token (printed in the teacher's link), a join code
 * (printed for the class) and one token per student who joined with it. Joins are bounded three
 * ways, so one computer cannot lock the class out: at most MAX_JOINS in all, at most
 * `maxJoinsPerAddress` per address, and a join nobody uses is forgotten after `unusedJoinTtlMs`.
 * The teacher sees every join and can take any back.
 */
export class Credentials {
  /** Local mode: the page's token. LAN mode: the teacher's. */
  readonly token = randomToken();
  readonly joinCode: string | undefined;
  private readonly students = new Map<string, Student>();
  private lastStudent = 0;
  private expiry: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(
    readonly mode: Mode,
    private readonly options: CredentialsOptions = { maxJoinsPerAddress: MAX_JOINS, unusedJoinTtlMs: 10 * 60_000 },
  ) {
    this.joinCode = mode === 'lan' ? randomJoinCode() : undefined;
    this.now = options.now ?? Date.now;
  }

  get joinRules(): { maxPerAddress: number; unusedTtlMs: number } {
    return { maxPerAddress: this.options.maxJoinsPerAddress, unusedTtlMs: this.options.unusedJoinTtlMs };
  }

  identify(token: string | null): Identity | undefined {
    if (!token) return undefined;
    if (safeEqual(token, this.token)) return { role: this.mode === 'lan' ? 'teacher' : 'local' };
    const [id, secret] = token.split('.');
    const student = id === undefined ? undefined : this.students.get(id);
    if (!student || secret === undefined || !safeEqual(secret, student.secret)) return undefined;
    if (!student.used && student.expiresAt <= this.now()) return undefined;
    return { role: 'student', name: student.name, studentId: id };
  }

  codeMatches(typed: string): boolean {
    return this.joinCode !== undefined && safeEqual(normalizeJoinCode(typed), this.joinCode);
  }

  /** A new student token for a join from `address`, unless the class or that address holds the most allowed. */
  addStudent(name: string, address: string): JoinOutcome {
    this.forgetExpired();
    if (this.students.size >= MAX_JOINS) return { ok: false, reason: 'classFull', max: MAX_JOINS };
    let fromAddress = 0;
    for (const s of this.students.values()) if (s.address === address) fromAddress++;
    const max = this.options.maxJoinsPerAddress;
    if (fromAddress >= max) return { ok: false, reason: 'addressFull', max };
    const studentId = `st${++this.lastStudent}`;
    const secret = randomToken();
    const joinedAt = this.now();
    this.students.set(studentId, {
      secret,
      name,
      address,
      joinedAt,
      used: false,
      expiresAt: joinedAt + this.options.unusedJoinTtlMs,
    });
    this.scheduleExpiry();
    this.options.onChange?.();
    return { ok: true, token: `${studentId}.${secret}`, studentId };
  }

  /** A page opened a session with this student's token: the join is in use and no longer expires. */
  used(studentId: string): void {
    const student = this.students.get(studentId);
    if (!student || student.used) return;
    student.used = true;
    this.options.onChange?.();
  }

  /** Takes joins back: their tokens stop working at once. Returns the ids that were there. */
  revoke(studentIds: readonly string[]): string[] {
    const revoked = studentIds.filter((id) => this.students.delete(id));
    if (revoked.length > 0) this.options.onChange?.();
    return revoked;
  }

  /** Every join, newest first. */
  joins(): ClassJoin[] {
    this.forgetExpired();
    return [...this.students.entries()].reverse().map(([studentId, s]) => {
      const join: ClassJoin = {
        studentId,
        name: s.name,
        address: s.address,
        joinedAt: s.joinedAt,
        status: s.used ? 'joined' : 'waiting',
      };
      if (!s.used) join.expiresAt = s.expiresAt;
      return join;
    });
  }

  close(): void {
    clearTimeout(this.expiry);
  }

  private forgetExpired(): boolean {
    const now = this.now();
    let forgot = false;
    for (const [id, s] of this.students) {
      if (s.used || s.expiresAt > now) continue;
      this.students.delete(id);
      forgot = true;
    }
    return forgot;
  }

  /** One timer for the next unused join to expire, so the teacher's list drops it when it does. */
  private scheduleExpiry(): void {
    clearTimeout(this.expiry);
    let next = Number.POSITIVE_INFINITY;
    for (const s of this.students.values()) if (!s.used) next = Math.min(next, s.expiresAt);
    if (next === Number.POSITIVE_INFINITY) return;
    this.expiry = setTimeout(
      () => {
        if (this.forgetExpired()) this.options.onChange?.();
        this.scheduleExpiry();
      },
      Math.max(0, next - this.now()) + 10,
    );
    this.expiry.unref();
  }
}
