import { type Mode, type Role, SessionInfo, type Welcome } from '@playground/protocol';
import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * Who this page is and how it gets its WebSocket token. Local mode: the token of `GET /api/session`.
 * LAN mode: the teacher's token from the link (`#teacher=…`), else this browser's student token,
 * else the join screen (code and name → `POST /api/join`).
 */
export type AccessView = 'checking' | 'join' | 'app';

/** Why the join screen is shown again, beyond "nobody joined yet". */
export type JoinReason = 'expired' | 'teacherLinkInvalid' | 'removed' | null;

export interface AccessData {
  mode: Mode | null;
  role: Role | null;
  name: string | null;
  studentId: string | null;
  view: AccessView;
  joinReason: JoinReason;
  /** A code from the QR link (`#join=CODE`), to fill the join form. */
  codeFromLink: string;
  /** The teacher's page shows the class or the teacher's own sockets. */
  teacherView: 'class' | 'sockets';
}

export interface AccessActions {
  /** Called by the join form with the token `POST /api/join` returned. */
  joined(token: string): void;
  showTeacherView(view: AccessData['teacherView']): void;
}

export type AccessState = AccessData & AccessActions;
export type AccessStore = StoreApi<AccessState>;

/** The keys this page keeps: the teacher token and the resume token per tab, the student token per browser. */
export const STORAGE = {
  teacher: 'socket-playground.teacher-token',
  student: 'socket-playground.student-token',
  resume: 'socket-playground.resume-token',
  lastSession: 'socket-playground.last-session',
} as const;

/** WebSocket opens that fail in a row (no welcome) before a stored token is taken for stale: the bridge restarted. */
export const STALE_AFTER_FAILURES = 3;

export interface Storages {
  local: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  session: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

export interface TokenSourceOptions {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  /** Strips the teacher token from the address bar so it is not shown on the projector or bookmarked. */
  replaceHash: (hash: string) => void;
  storages: Storages;
  fetchJson?: (url: string) => Promise<Response>;
}

export interface Access {
  store: AccessStore;
  /** For the bridge client: asked before every connection attempt. */
  token(): Promise<string | null>;
  /** For the bridge client's handlers: a welcome means the token worked. */
  welcomed(welcome: Welcome): void;
  /** The token of the page's session once a welcome proved it; other requests (`/api/lessons`) send it too. */
  currentToken(): string | null;
  /** The teacher took this student's join back: the stored token is dropped and the join screen says why. */
  removedFromClass(): void;
}

function safeGet(storage: Storages['local'], key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function safeSet(storage: Storages['local'], key: string, value: string | null): void {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    // Storage disabled: the page still works, it just will not remember.
  }
}

export function createAccess(options: TokenSourceOptions): Access {
  const { storages } = options;
  const fetchJson =
    options.fetchJson ?? ((url: string) => fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' }));
  let failures = 0;
  /** Why the next join screen is shown, when something said so before the screen is needed. */
  let nextReason: JoinReason = null;
  /** What `token()` last handed out, and what the last welcome proved. */
  let offered: string | null = null;
  let proven: string | null = null;
  let waitingForJoin: ((token: string) => void) | null = null;

  const store = createStore<AccessState>()((set) => ({
    mode: null,
    role: null,
    name: null,
    studentId: null,
    view: 'checking',
    joinReason: null,
    codeFromLink: '',
    teacherView: 'class',
    joined: (token) => {
      safeSet(storages.local, STORAGE.student, token);
      failures = 0;
      set({ view: 'app', joinReason: null });
      const resolve = waitingForJoin;
      waitingForJoin = null;
      resolve?.(token);
    },
    showTeacherView: (teacherView) => set({ teacherView }),
  }));

  /** Reads `#teacher=…` and `#join=…` once, keeping any other part of the fragment (e.g. a shared setup). */
  const readLink = (): void => {
    const params = new URLSearchParams(options.location.hash.replace(/^#/, ''));
    const teacher = params.get('teacher');
    const code = params.get('join');
    if (teacher === null && code === null) return;
    if (teacher) {
      safeSet(storages.session, STORAGE.teacher, teacher);
      // A teacher link starts a fresh teacher session: a resume token of a student in this tab does not apply.
      safeSet(storages.session, STORAGE.resume, null);
    }
    if (code) store.setState({ codeFromLink: code });
    params.delete('teacher');
    params.delete('join');
    const rest = params.toString();
    options.replaceHash(rest ? `#${rest}` : '');
  };
  readLink();

  const askToJoin = (reason: JoinReason): Promise<string> => {
    store.setState({ view: 'join', joinReason: reason });
    return new Promise((resolve) => {
      waitingForJoin = resolve;
    });
  };

  const tokenToOffer = async (): Promise<string | null> => {
    readLink();
    // Asked first every time: it tells the mode, and a bridge that does not answer is down, not
    // refusing our token, so that attempt does not count toward giving a stored token up.
    const response = await fetchJson('api/session');
    if (!response.ok) throw new Error(`GET /api/session answered ${response.status}`);
    const info = SessionInfo.safeParse(await response.json());
    if (!info.success) throw new Error('GET /api/session answered something the protocol does not allow');
    store.setState({ mode: info.data.mode });
    if (info.data.token !== null) {
      if (store.getState().view === 'join') store.setState({ view: 'app' });
      return info.data.token;
    }
    let reason: JoinReason = null;
    if (failures >= STALE_AFTER_FAILURES) {
      // The bridge answers but keeps refusing the token: it was restarted, and its tokens are new.
      failures = 0;
      safeSet(storages.session, STORAGE.resume, null);
      if (safeGet(storages.session, STORAGE.teacher)) {
        safeSet(storages.session, STORAGE.teacher, null);
        reason = 'teacherLinkInvalid';
      } else if (safeGet(storages.local, STORAGE.student)) {
        safeSet(storages.local, STORAGE.student, null);
        reason = 'expired';
      }
    }
    const stored = safeGet(storages.session, STORAGE.teacher) ?? safeGet(storages.local, STORAGE.student);
    if (stored) {
      failures++;
      return stored;
    }
    const token = await askToJoin(reason ?? nextReason);
    nextReason = null;
    failures++;
    return token;
  };

  return {
    store,
    currentToken: () => proven,
    removedFromClass() {
      safeSet(storages.local, STORAGE.student, null);
      safeSet(storages.session, STORAGE.resume, null);
      proven = null;
      failures = 0;
      nextReason = 'removed';
      store.setState({ view: 'join', joinReason: 'removed', role: null, name: null, studentId: null });
    },
    async token() {
      offered = await tokenToOffer();
      return offered;
    },
    welcomed(welcome) {
      failures = 0;
      proven = offered;
      store.setState({
        view: 'app',
        joinReason: null,
        role: welcome.role ?? 'local',
        name: welcome.name ?? null,
        studentId: welcome.studentId ?? null,
      });
    },
  };
}

/** The resume token of this tab's session, as the bridge client keeps it. */
export function resumeStorage(storages: Storages): { get(): string | null; set(token: string | null): void } {
  return {
    get: () => safeGet(storages.session, STORAGE.resume),
    set: (token) => safeSet(storages.session, STORAGE.resume, token),
  };
}

/** `POST /api/join`: the outcome the join form shows. */
export type JoinOutcome =
  | { ok: true; token: string }
  | {
      ok: false;
      problem: 'wrongCode' | 'badInput' | 'classFull' | 'addressFull' | 'notLan' | 'network' | 'other';
      status?: number;
    }
  | { ok: false; problem: 'tooMany'; retryAfterS: number };

export async function postJoin(
  code: string,
  name: string,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): Promise<JoinOutcome> {
  let response: Response;
  try {
    response = await fetchImpl('api/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ code, name }),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, problem: 'network' };
  }
  const body = (await response.json().catch(() => ({}))) as {
    token?: unknown;
    retryAfterS?: unknown;
    reason?: unknown;
  };
  if (response.ok && typeof body.token === 'string') return { ok: true, token: body.token };
  switch (response.status) {
    case 403:
      return { ok: false, problem: 'wrongCode', status: 403 };
    case 429: {
      const header = Number(response.headers.get('retry-after'));
      const retryAfterS =
        typeof body.retryAfterS === 'number' ? body.retryAfterS : Number.isFinite(header) ? header : 60;
      return { ok: false, problem: 'tooMany', retryAfterS: Math.max(1, retryAfterS) };
    }
    case 400:
    case 413:
      return { ok: false, problem: 'badInput', status: response.status };
    case 404:
      return { ok: false, problem: 'notLan', status: 404 };
    case 503:
      return { ok: false, problem: body.reason === 'addressFull' ? 'addressFull' : 'classFull', status: 503 };
    default:
      return { ok: false, problem: 'other', status: response.status };
  }
}
