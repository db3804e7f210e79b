import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge, usePlayground, usePlaygroundStore } from '../../bridge/context.tsx';
import { StepChecker } from './checks.ts';
import { useLessonStore, useLessons } from './lessonStore.ts';

/** How often a running check looks at what arrived (it reads each new log entry once). */
const CHECK_EVERY_MS = 150;

/**
 * Runs while the page is open, whichever panel is shown: the current step's check watches the store
 * and marks the step done when it holds; the learner's progress goes to the teacher's roster.
 */
export function useLessonRuntime(): void {
  const store = usePlaygroundStore();
  const bridge = useBridge();
  const { i18n } = useTranslation();
  const lessons = useLessonStore();
  const run = useLessons((s) => s.run);
  const key = run?.key;
  const step = run?.step;
  const baseline = run?.baseline;
  const names = run?.names;

  // The check of the current step.
  const checkerRef = useRef<StepChecker | null>(null);
  useEffect(() => {
    const { lessonOf, markDone } = lessons.getState();
    const lesson = lessonOf(key);
    if (!lesson || step === undefined || !baseline || !names) {
      checkerRef.current = null;
      return;
    }
    const checker = new StepChecker(lesson.steps[step]?.check, baseline, names);
    checkerRef.current = checker;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const evaluate = () => {
      timer = null;
      const current = lessons.getState().run;
      if (!current || current.key !== key || current.step !== step) return;
      if (checker.update(store.getState(), current.manual)) markDone(step);
    };
    evaluate();
    const unsubscribe = store.subscribe(() => {
      if (!timer) timer = setTimeout(evaluate, CHECK_EVERY_MS);
    });
    const unsubscribeLesson = lessons.subscribe(() => {
      if (!timer) timer = setTimeout(evaluate, 0);
    });
    return () => {
      unsubscribe();
      unsubscribeLesson();
      if (timer) clearTimeout(timer);
    };
  }, [store, lessons, key, step, baseline, names]);

  // Progress for the teacher: whenever it changes, and again on every new session.
  const sessionId = usePlayground((s) => (s.connection.status === 'connected' ? s.connection.sessionId : null));
  const progress = JSON.stringify(lessons.getState().progressOf(run, i18n.language));
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (!sessionId) {
      sent.current = null;
      return;
    }
    const message = `${sessionId}:${progress}`;
    if (sent.current === message) return;
    if (sent.current === null && progress === 'null') {
      sent.current = message;
      return;
    }
    sent.current = message;
    void bridge.send({ type: 'lesson.progress', progress: JSON.parse(progress) }).catch(() => {});
  }, [bridge, sessionId, progress]);
}
