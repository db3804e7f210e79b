import {
  type Lesson,
  type LessonCommand,
  type LessonProgress,
  localize,
  type ReplyResult,
  resolveLessonCommand,
} from '@playground/protocol';
import { createStore } from 'zustand/vanilla';
import type { CommandBody } from '../../bridge/client.ts';
import { socketKey } from '../../store/state.ts';
import type { PlaygroundStore } from '../../store/store.ts';
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

export const lessonStore = createStore<LessonData>()(() => ({ catalog: [], run: null, finished: readFinished() }));

/** The built-in lessons, a chunk of their own, loaded once the page is up. */
export async function loadBuiltinLessons(): Promise<void> {
  const { builtinLessons } = await import('./builtin.ts');
  lessonStore.setState((s) => ({ catalog: [...builtinLessons(), ...s.catalog.filter((e) => e.source !== 'builtin')] }));
}

/** Adds the teacher's lessons (`--lessons DIR`) to the built-in ones; `token` is the page's, which the bridge asks for. */
export async function loadTeacherLessons(token: string): Promise<void> {
  const extra = await teacherLessons(token);
  if (extra.length === 0) return;
  lessonStore.setState((s) => ({ catalog: [...s.catalog.filter((e) => e.source === 'builtin'), ...extra] }));
}

export function lessonOf(key: string | undefined): Lesson | null {
  if (!key) return null;
  return lessonStore.getState().catalog.find((e) => e.key === key)?.lesson ?? null;
}

export function startLesson(key: string, playground: PlaygroundStore): void {
  lessonStore.setState({
    run: {
      key,
      step: 0,
      done: [],
      baseline: baselineOf(playground.getState()),
      names: new Map(),
      manual: false,
      busy: false,
      problem: null,
    },
  });
}

export function closeLesson(): void {
  lessonStore.setState({ run: null });
}

export function goToStep(step: number, playground: PlaygroundStore): void {
  const run = lessonStore.getState().run;
  const lesson = lessonOf(run?.key);
  if (!run || !lesson || step < 0 || step >= lesson.steps.length) return;
  lessonStore.setState({
    run: { ...run, step, baseline: baselineOf(playground.getState()), manual: false, problem: null },
  });
}

export function markDone(step: number): void {
  const { run, finished } = lessonStore.getState();
  if (!run || run.done.includes(step)) return;
  const done = [...run.done, step].sort((a, b) => a - b);
  const all = done.length === lessonOf(run.key)?.steps.length;
  if (all && !finished.includes(run.key)) {
    const next = [...finished, run.key];
    rememberFinished(next);
    lessonStore.setState({ run: { ...run, done }, finished: next });
  } else {
    lessonStore.setState({ run: { ...run, done } });
  }
}

export function markManual(): void {
  const run = lessonStore.getState().run;
  if (run) lessonStore.setState({ run: { ...run, manual: true } });
}

/** What the teacher's roster shows of this learner's lesson. */
export function progressOf(run: LessonRun | null, language: string): LessonProgress | null {
  const lesson = lessonOf(run?.key);
  if (!run || !lesson) return null;
  return {
    lessonId: lesson.id,
    title: localize(lesson.title, language).slice(0, 120),
    step: run.step,
    steps: lesson.steps.length,
    done: run.done,
  };
}

export type Send = (command: CommandBody) => Promise<ReplyResult>;

/**
 * Runs a preset or a "try this" button: each command after the previous one answered, `$name` and
 * `$name.port` filled in from the sockets earlier commands created. Stops at the first failure.
 */
export async function runLessonCommands(
  commands: readonly LessonCommand[],
  send: Send,
  playground: PlaygroundStore,
  describeError: (error: unknown) => string,
): Promise<boolean> {
  const run = lessonStore.getState().run;
  if (!run || run.busy) return false;
  const names = new Map(run.names);
  lessonStore.setState({ run: { ...run, busy: true, problem: null } });
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
  const now = lessonStore.getState().run;
  if (now && now.key === run.key) lessonStore.setState({ run: { ...now, names, busy: false, problem } });
  return problem === null;
}
