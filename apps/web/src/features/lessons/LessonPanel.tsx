import { type LessonCommand, localize } from '@playground/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { BridgeRequestError } from '../../bridge/client.ts';
import { useBridge, usePlaygroundStore } from '../../bridge/context.tsx';
import { formatError } from '../../i18n/formatError.ts';
import { StepDots } from '../../ui/StepDots.tsx';
import type { CatalogEntry } from './catalog.ts';
import { describeCheck } from './describeCheck.ts';
import {
  closeLesson,
  goToStep,
  lessonOf,
  lessonStore,
  markDone,
  markManual,
  runLessonCommands,
  startLesson,
} from './lessonStore.ts';
import { MiniMarkdown } from './MiniMarkdown.tsx';
import '../../ui/cardButton.css';
import './lessons.css';

/** The guided lessons: a list, then one step at a time with its preset, its "try this" and its check. */
export function LessonPanel() {
  const run = useStore(lessonStore, (s) => s.run);
  return (
    <section className="panel form lesson-panel" data-testid="lesson-panel">
      {run ? <LessonRunView /> : <LessonList />}
    </section>
  );
}

function LessonList() {
  const { t, i18n } = useTranslation();
  const catalog = useStore(lessonStore, (s) => s.catalog);
  const store = usePlaygroundStore();
  const usable = catalog.filter((e) => e.lesson);
  const broken = catalog.filter((e) => !e.lesson);
  return (
    <>
      <h2>{t('lessons.title')}</h2>
      <p className="form__intro">{t('lessons.intro')}</p>
      <ol className="lesson-list">
        {usable.map((entry) => {
          const lesson = entry.lesson!;
          return (
            <li key={entry.key}>
              <button
                type="button"
                className="card-button lesson-list__item"
                data-testid="lesson-item"
                data-lesson-id={lesson.id}
                onClick={() => startLesson(entry.key, store)}
              >
                <strong>{localize(lesson.title, i18n.language)}</strong>
                <span>{localize(lesson.summary, i18n.language)}</span>
                <span className="lesson-list__meta">
                  {t('lessons.steps', { count: lesson.steps.length })}
                  {entry.source === 'teacher' ? ` · ${t('lessons.fromTeacher')}` : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {broken.length > 0 && <BrokenLessons entries={broken} />}
    </>
  );
}

function BrokenLessons(props: { entries: CatalogEntry[] }) {
  const { t } = useTranslation();
  return (
    <details className="lesson-broken">
      <summary>{t('lessons.broken', { count: props.entries.length })}</summary>
      <ul>
        {props.entries.map((e) => (
          <li key={e.key}>
            <code>{e.file}</code>: {e.problems.join('; ')}
          </li>
        ))}
      </ul>
    </details>
  );
}

function LessonRunView() {
  const { t, i18n } = useTranslation();
  const run = useStore(lessonStore, (s) => s.run);
  const store = usePlaygroundStore();
  const bridge = useBridge();
  const [hint, setHint] = useState(false);
  const lesson = lessonOf(run?.key);
  if (!run || !lesson) return null;
  const step = lesson.steps[run.step];
  if (!step) return null;
  const lang = i18n.language;
  const passed = run.done.includes(run.step);
  const last = run.step === lesson.steps.length - 1;
  const describeError = (error: unknown) =>
    error instanceof BridgeRequestError
      ? formatError(i18n, error.info)
      : error instanceof Error
        ? error.message
        : String(error);
  const runCommands = (commands: readonly LessonCommand[]) =>
    void runLessonCommands(commands, (c) => bridge.send(c), store, describeError);
  const move = (to: number) => {
    setHint(false);
    goToStep(to, store);
  };

  return (
    <div className="lesson" data-testid="lesson" data-lesson-id={lesson.id} data-step={run.step}>
      <div className="lesson__top">
        <button type="button" className="button button--small" onClick={closeLesson}>
          {t('lessons.all')}
        </button>
        <StepDots
          count={lesson.steps.length}
          step={run.step}
          done={run.done}
          label={t('lessons.progress', { step: run.step + 1, steps: lesson.steps.length, done: run.done.length })}
        />
      </div>
      <h2 className="lesson__title">{localize(lesson.title, lang)}</h2>
      <p className="lesson__counter">{t('lessons.stepOf', { step: run.step + 1, steps: lesson.steps.length })}</p>
      <h3>{localize(step.title, lang)}</h3>
      <MiniMarkdown className="lesson__text" text={localize(step.text, lang)} />
      {step.preset && (
        <div className="lesson__box">
          <button
            type="button"
            className="button button--small"
            data-testid="lesson-setup"
            disabled={run.busy}
            onClick={() => runCommands(step.preset ?? [])}
          >
            {t('lessons.setUp')}
          </button>
          <ul className="lesson__commands" aria-label={t('lessons.presetLabel')}>
            {step.preset.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: commands are positions in the preset
              <li key={i}>
                <code>{summarize(c)}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {step.try && (
        <div className="lesson__box lesson__try">
          <p className="lesson__label">{t('lessons.tryThis')}</p>
          <MiniMarkdown text={localize(step.try.text, lang)} />
          {step.try.commands && step.try.commands.length > 0 && (
            <button
              type="button"
              className="button button--small button--primary"
              data-testid="lesson-try"
              disabled={run.busy}
              onClick={() => runCommands(step.try?.commands ?? [])}
            >
              {step.try.label ? localize(step.try.label, lang) : t('lessons.doIt')}
            </button>
          )}
        </div>
      )}
      {run.problem && (
        <p className="inline-error" role="alert" data-testid="lesson-problem">
          {run.problem}
        </p>
      )}
      <div
        className={`lesson__check ${passed ? 'lesson__check--passed' : ''}`}
        data-testid="lesson-check"
        data-passed={passed}
        role="status"
      >
        {passed ? (
          <p>
            <strong>✓ {t('lessons.passed')}</strong>{' '}
            {step.success ? <MiniMarkdown inline text={localize(step.success, lang)} /> : null}
          </p>
        ) : (
          <p>
            <span className="lesson__waiting" aria-hidden="true" /> {t('lessons.waiting')}{' '}
            <span className="lesson__criterion">
              {step.check
                ? describeCheck(t, step.check, (ref) => run.names.get(ref)?.id ?? ref)
                : t('lessons.check.manual')}
            </span>
          </p>
        )}
        {!passed && (!step.check || step.check.type === 'manual') && (
          <button
            type="button"
            className="button button--small"
            data-testid="lesson-manual"
            onClick={() => {
              markManual();
              markDone(run.step);
            }}
          >
            {t('lessons.didIt')}
          </button>
        )}
        {!passed && step.hint && (
          <button type="button" className="button button--small" onClick={() => setHint((h) => !h)}>
            {t('lessons.hint')}
          </button>
        )}
        {hint && step.hint && <MiniMarkdown text={localize(step.hint, lang)} />}
      </div>
      <div className="button-row lesson__nav">
        <button
          type="button"
          className="button button--small"
          disabled={run.step === 0}
          onClick={() => move(run.step - 1)}
        >
          {t('lessons.back')}
        </button>
        {last ? (
          <button type="button" className="button button--small" onClick={closeLesson}>
            {t('lessons.finish')}
          </button>
        ) : (
          <button
            type="button"
            className={`button button--small ${passed ? 'button--primary' : ''}`}
            data-testid="lesson-next"
            onClick={() => move(run.step + 1)}
          >
            {t('lessons.next')}
          </button>
        )}
      </div>
    </div>
  );
}

/** `tcp.listen 127.0.0.1:0 recv(16) echo`: a preset command at a glance. */
function summarize({ command }: LessonCommand): string {
  const c = command as Record<string, unknown>;
  const parts = [String(c.type)];
  if (typeof c.host === 'string') parts.push(`${c.host}:${String(c.port ?? 0)}`);
  if (typeof c.socketId === 'string') parts.push(c.socketId);
  if (typeof c.recvSize === 'number') parts.push(`recv(${c.recvSize})`);
  if (typeof c.behaviour === 'string') parts.push(c.behaviour);
  if (typeof c.concurrency === 'string') parts.push(c.concurrency);
  return parts.join(' ');
}
