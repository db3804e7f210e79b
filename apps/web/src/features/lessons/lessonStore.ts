import {
  type Lesson,
  type LessonCommand,
  type LessonProgress,
  localize,
  type ReplyResult,
  resolveLessonCommand,
} from '@playground/protocol';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CommandBody } from '../../bridge/client.ts';
import { socketKey } from '../../store/state.ts';
import type { PlaygroundStore } from '../../store/store.ts';
import { storeContext, useStoreApi, useStoreState } from '../../store/storeContext.ts';
import { type CatalogEntry, teacherLessons } from './catalog.ts';
import { type Baseline, baselineOf, type NamedSocket } from './checks.ts';

export interface LessonRun {
  key: string;
  step: number;
  /** Steps whose check passed or that the learner marked done. */
  done: number[];
  /** Where the current step began. */
  baseline: Baseline;
  /** Sockets the lesson's commands created, by their `as` name. */
  names: Map<string, NamedSocket>;
  /** The learner pressed "I did it" on the current step. */
  manual: boolean;
  /** Commands of the lesson are running (a preset or a "try this" button). */
  busy: boolean;
  /** The last command that failed, in the learner's words (from the bridge or the lesson). */
  problem: string | null;
}

export interface LessonData {
  catalog: CatalogEntry[];
  run: LessonRun | null;
  /** Keys of the lessons whose every step was done, kept in this browser: the list marks them. */
  finished: string[];
}

const FINISHED_KEY = 'socket-playground.lessons-finished';

function readFinished(): string[] {
  try {
    const stored: unknown = JSON.parse(globalThis.localStorage?.getItem(FINISHED_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

function rememberFinished(finished: string[]): void {
  try {
    globalThis.localStorage?.setItem(FINISHED_KEY, JSON.stringify(finished));
  } catch {
    // Private mode or storage disabled: the marks last for this page only.
  }
}

export type Send = (command: CommandBody) => Promise<ReplyResult>;

export interface LessonState extends LessonData {
  /** The built-in lessons, a chunk of their own, loaded once the page is up. */
  loadBuiltin(): Promise<void>;
  /** Adds the teacher's lessons (`--lessons DIR`) to the built-in ones; `token` is the page's, which the bridge asks for. */
  loadTeacher(token: string): Promise<void>;
  lessonOf(key: string | undefined): Lesson | null;
  start(key: string, playground: PlaygroundStore): void;
  close(): void;
  goToStep(step: number, playground: PlaygroundStore): void;
  markDone(step: number): void;
  markManual(): void;
  /** What the teacher's roster shows of this learner's lesson. */
  progressOf(run: LessonRun | null, language: string): LessonProgress | null;
  /**
   * Runs a preset or a "try this" button: each command after the previous one answered, `$name` and
   * `$name.port` filled in from the sockets earlier commands created. Stops at the first failure.
   */
  runCommands(
    commands: readonly LessonCommand[],
    send: Send,
    playground: PlaygroundStore,
    describeError: (error: unknown) => string,
  ): Promise<boolean>;
}

export type LessonStore = StoreApi<LessonState>;

export function createLessonStore(): LessonStore {
  return createStore<LessonState>()((set, get) => ({
    catalog: [],
    run: null,
    finished: readFinished(),
    async loadBuiltin() {
      const { builtinLessons } = await import('./builtin.ts');
      set((s) => ({ catalog: [...builtinLessons(), ...s.catalog.filter((e) => e.source !== 'builtin')] }));
    },
    async loadTeacher(token) {
      const extra = await teacherLessons(token);
      if (extra.length === 0) return;
      set((s) => ({ catalog: [...s.catalog.filter((e) => e.source === 'builtin'), ...extra] }));
    },
    lessonOf(key) {
      if (!key) return null;
      return get().catalog.find((e) => e.key === key)?.lesson ?? null;
    },
    start(key, playground) {
      const baseline = baselineOf(playground.getState());
      set({ run: { key, step: 0, done: [], baseline, names: new Map(), manual: false, busy: false, problem: null } });
    },
    close: () => set({ run: null }),
    goToStep(step, playground) {
      const { run, lessonOf } = get();
      const lesson = lessonOf(run?.key);
      if (!run || !lesson || step < 0 || step >= lesson.steps.length) return;
      set({ run: { ...run, step, baseline: baselineOf(playground.getState()), manual: false, problem: null } });
    },
    markDone(step) {
      const { run, finished, lessonOf } = get();
      if (!run || run.done.includes(step)) return;
      const done = [...run.done, step].sort((a, b) => a - b);
      const all = done.length === lessonOf(run.key)?.steps.length;
      if (all && !finished.includes(run.key)) {
        const next = [...finished, run.key];
        rememberFinished(next);
        set({ run: { ...run, done }, finished: next });
      } else {
        set({ run: { ...run, done } });
      }
    },
    markManual() {
      const run = get().run;
      if (run) set({ run: { ...run, manual: true } });
    },
    progressOf(run, language) {
      const lesson = get().lessonOf(run?.key);
      if (!run || !lesson) return null;
      return {
        lessonId: lesson.id,
        title: localize(lesson.title, language).slice(0, 120),
        step: run.step,
        steps: lesson.steps.length,
        done: run.done,
      };
    },
    async runCommands(commands, send, playground, describeError) {
      const run = get().run;
      if (!run || run.busy) return false;
      const names = new Map(run.names);
      set({ run: { ...run, busy: true, problem: null } });
      let problem: string | null = null;
      for (const { as, command } of commands) {
        try {
          const resolved = resolveLessonCommand(command, names) as CommandBody;
          const result = await send(resolved);
          const upsert = playground.getState().upsertSocket;
          if (result.socket) upsert(result.socket);
          for (const socket of result.sockets ?? []) upsert(socket);
          if (as && result.socket) {
            const epoch = playground.getState().epoch;
            const named: NamedSocket = { id: result.socket.id, key: socketKey(epoch, result.socket.id) };
            if (result.socket.local) named.port = result.socket.local.port;
            names.set(as, named);
          }
        } catch (error) {
          problem = describeError(error);
          break;
        }
      }
      const now = get().run;
      if (now && now.key === run.key) set({ run: { ...now, names, busy: false, problem } });
      return problem === null;
    },
  }));
}

export const LessonContext = storeContext<LessonState>('lessons');
export const useLessonStore = () => useStoreApi(LessonContext);
export const useLessons = <T>(selector: (state: LessonState) => T) => useStoreState(LessonContext, selector);
