import type { Mode, Role } from '@playground/protocol';
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
}

/** Enough for a large class reloading a few times; beyond it joins are refused instead of growing memory. */
const MAX_STUDENT_TOKENS = 1000;

/**
 * The secrets of one run of the bridge. Local mode has one token, handed to pages on this computer
 * by `GET /api/session`. LAN mode has a teacher token (printed in the teacher's link), a join code
 * (printed for the class) and one token per student who joined with it.
 */
export class Credentials {
  /** Local mode: the page's token. LAN mode: the teacher's. */
  readonly token = randomToken();
  readonly joinCode: string | undefined;
  private readonly students = new Map<string, Student>();
  private lastStudent = 0;

  constructor(readonly mode: Mode) {
    this.joinCode = mode === 'lan' ? randomJoinCode() : undefined;
  }

  identify(token: string | null): Identity | undefined {
    if (!token) return undefined;
    if (safeEqual(token, this.token)) return { role: this.mode === 'lan' ? 'teacher' : 'local' };
    const [id, secret] = token.split('.');
    const student = id === undefined ? undefined : this.students.get(id);
    if (student && secret !== undefined && safeEqual(secret, student.secret)) {
      return { role: 'student', name: student.name, studentId: id };
    }
    return undefined;
  }

  codeMatches(typed: string): boolean {
    return this.joinCode !== undefined && safeEqual(normalizeJoinCode(typed), this.joinCode);
  }

  /** A new student token, or undefined when the class already holds MAX_STUDENT_TOKENS. */
  addStudent(name: string): string | undefined {
    if (this.students.size >= MAX_STUDENT_TOKENS) return undefined;
    const id = `st${++this.lastStudent}`;
    const secret = randomToken();
    this.students.set(id, { secret, name });
    return `${id}.${secret}`;
  }
}
