import type { ClassInfo, LessonProgress, Roster, SessionState, Spotlight } from '@playground/protocol';
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
  /** The teacher took this student's join back: the session ends with every socket, and the page is told why. */
  removeFromClass(): Promise<void>;
}

export interface StudentRecord {
  studentId: string;
  name: string;
  sessions: Set<ClassMember>;
  /** The session the roster and the spotlight show: the one most recently opened or resumed. */
  latest: ClassMember | null;
  progress: LessonProgress | null;
}
