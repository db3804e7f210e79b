import { randomCode } from '../auth/tokens.ts';

/** Eight characters of a 31-letter alphabet: with the wrong-code limit, guessing one is hopeless. */
const CODE_LENGTH = 8;

interface Entry {
  sessionId: string;
  expiresAt: number;
}

/**
 * The codes that attach a traced program to a session (docs/trace.md). One per session, shown
 * only on that session's page (a reply to its own `trace.code`): whoever holds it attaches to that
 * session and no other. A code expires `ttlMs` after it was last shown or used, and with its session.
 */
export class TraceCodes {
  private readonly byCode = new Map<string, Entry>();
  private readonly bySession = new Map<string, string>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The session's code (a new one if it had none, it expired, or `renew`), valid for `ttlMs` from now. */
  codeFor(sessionId: string, renew: boolean): { code: string; expiresInMs: number } {
    let code = this.bySession.get(sessionId);
    const entry = code === undefined ? undefined : this.byCode.get(code);
    if (renew || !entry || entry.expiresAt <= this.now()) {
      this.forget(sessionId);
      do code = randomCode(CODE_LENGTH);
      while (this.byCode.has(code));
      this.bySession.set(sessionId, code);
    }
    this.byCode.set(code as string, { sessionId, expiresAt: this.now() + this.ttlMs });
    return { code: shown(code as string), expiresInMs: this.ttlMs };
  }

  /** The session a typed code belongs to (any case, with or without the dash); using it extends it. */
  sessionOf(typed: string): string | undefined {
    const code = typed.replace(/[\s-]/g, '').toUpperCase();
    const entry = this.byCode.get(code);
    if (!entry || entry.expiresAt <= this.now()) return undefined;
    entry.expiresAt = this.now() + this.ttlMs;
    return entry.sessionId;
  }

  forget(sessionId: string): void {
    const code = this.bySession.get(sessionId);
    if (code === undefined) return;
    this.bySession.delete(sessionId);
    this.byCode.delete(code);
  }
}

/** `ABCD2345` → `ABCD-2345`: easier to read off a screen. */
function shown(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
