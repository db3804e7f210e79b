import { type Behaviour, type LessonCommand, localize, SOCKET_REF } from '@playground/protocol';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BridgeRequestError } from '../../bridge/client.ts';
import { useBridge, usePlaygroundStore } from '../../bridge/context.tsx';
import { formatError } from '../../i18n/formatError.ts';
import { StepDots } from '../../ui/StepDots.tsx';
import type { CatalogEntry } from './catalog.ts';
import { describeCheck, roleOf } from './describeCheck.ts';
import { useLessonStore, useLessons } from './lessonStore.ts';
import { MiniMarkdown } from './MiniMarkdown.tsx';
import '../../ui/cardButton.css';
import './lessons.css';

/** The guided lessons: a list, then one step at a time with its preset, its "try this" and its check. */
export function LessonPanel() {
  const run = useLessons((s) => s.run);
  return (
    <section className="panel form lesson-panel" data-testid="lesson-panel">
      {run ? <LessonRunView /> : <LessonList />}
    </section>
  );
}

function LessonList() {
  const { t, i18n } = useTranslation();
  const catalog = useLessons((s) => s.catalog);
  const finished = useLessons((s) => s.finished);
  const startLesson = useLessons((s) => s.start);
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
                data-finished={finished.includes(entry.key) || undefined}
                onClick={() => startLesson(entry.key, store)}
              >
                <strong>
                  {finished.includes(entry.key) && (
                    <span className="lesson-list__done" data-testid="lesson-finished">
                      ✓ {t('lessons.finished')}
                    </span>
                  )}
                  {localize(lesson.title, i18n.language)}
                </strong>
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
  const run = useLessons((s) => s.run);
  const {
    lessonOf,
    runCommands: runLessonCommands,
    goToStep,
    close: closeLesson,
    markManual,
    markDone,
  } = useLessonStore().getState();
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
  /** A `$name` as the learner sees it: "server s4" once it exists, else what the lesson will make. */
  const nameOf = (ref: string): string => {
    const named = run.names.get(ref);
    const kind = named ? store.getState().sockets[named.key]?.info.kind : undefined;
    if (named && kind) return t('sockets.label', { kind: t(`sockets.short.${kind}`), id: named.id });
    return t(`lessons.check.named.${roleOf(lesson, ref)}`);
  };
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
              <li key={i}>{summarize(t, c, nameOf)}</li>
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
              {step.check ? describeCheck(t, step.check, nameOf) : t('lessons.check.manual')}
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

/** A preset command in words: "A TCP server on 127.0.0.1, a free port the OS picks, reading with recv(16): Echo…". */
function summarize(t: TFunction, { command }: LessonCommand, nameOf: (ref: string) => string): string {
  const c = command as Record<string, unknown>;
  const text = (key: string) => (typeof c[key] === 'string' ? (c[key] as string) : undefined);
  const port = (value: unknown) =>
    value === 0 || value === undefined
      ? t('lessons.preset.anyPort')
      : t('lessons.preset.port', { port: String(value) });
  /** `$server.port` is that server; a number is host:port. */
  const target = (host: unknown, value: unknown) => {
    const ref = typeof value === 'string' ? SOCKET_REF.exec(value) : null;
    return ref ? nameOf(ref[1] as string) : `${String(host)}:${String(value)}`;
  };
  const behaviour = (fallback: Behaviour) => t(`forms.behaviours.${(text('behaviour') ?? fallback) as 'echo'}`);
  const size = typeof c.recvSize === 'number' ? c.recvSize : 1024;
  switch (c.type) {
    case 'tcp.listen':
      return t('lessons.preset.tcpListen', {
        host: text('host'),
        port: port(c.port),
        size,
        behaviour: behaviour('echo'),
      });
    case 'tcp.connect':
      return t('lessons.preset.tcpConnect', { target: target(c.host, c.port) });
    case 'udp.bind': {
      const remote = c.remote as { host?: unknown; port?: unknown } | undefined;
      if (remote) return t('lessons.preset.udpClient', { target: target(remote.host, remote.port) });
      return t('lessons.preset.udpServer', {
        host: text('host'),
        port: port(c.port),
        size,
        behaviour: behaviour('none'),
      });
    }
    default:
      return String(c.type);
  }
}
