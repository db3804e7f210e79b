import { JOIN_CODE_LENGTH } from '@playground/protocol';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess, useOptionalPage } from '../../page/PageContext.tsx';
import { LanguageSwitch } from '../../ui/shell/LanguageSwitch.tsx';
import { OpenLogButton } from '../replay/OpenLogButton.tsx';
import { type JoinOutcome, postJoin } from './model/access.ts';
import './join.css';

const NAME_KEY = 'socket-playground.display-name';

function rememberedName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

/** LAN mode without a token: the code on the teacher's screen and a display name give this browser its own session. */
export function JoinScreen() {
  const { t } = useTranslation();
  const id = useId();
  const page = useOptionalPage();
  const reason = useAccess((s) => s.joinReason);
  const codeFromLink = useAccess((s) => s.codeFromLink);
  const [code, setCode] = useState(codeFromLink);
  const [name, setName] = useState(rememberedName);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Exclude<JoinOutcome, { ok: true }> | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const seconds = useCountdown(waitUntil);
  const locked = seconds > 0;

  useEffect(() => {
    if (codeFromLink) setCode(codeFromLink);
  }, [codeFromLink]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim() || !name.trim() || locked) {
      setOutcome({ ok: false, problem: 'badInput' });
      return;
    }
    setPending(true);
    const result = await postJoin(code.trim(), name.trim());
    setPending(false);
    if (result.ok) {
      try {
        localStorage.setItem(NAME_KEY, name.trim());
      } catch {
        // Not remembered, then.
      }
      setOutcome(null);
      page?.access.store.getState().joined(result.token);
      return;
    }
    setOutcome(result);
    if (result.problem === 'tooMany') setWaitUntil(Date.now() + result.retryAfterS * 1000);
  };

  let message: string | null = null;
  if (outcome) {
    message =
      outcome.problem === 'tooMany'
        ? t('join.problems.tooMany', { seconds: Math.max(seconds, 1) })
        : t(`join.problems.${outcome.problem}`);
  }

  return (
    <div className="join-page">
      <header className="app-header">
        <div className="app-header__brand">
          <h1>{t('app.title')}</h1>
        </div>
        <div className="app-header__meta">
          <LanguageSwitch />
        </div>
      </header>
      <main className="join">
        <form
          className="panel join__card"
          onSubmit={submit}
          noValidate
          aria-labelledby={`${id}-title`}
          data-testid="join-form"
        >
          <h2 id={`${id}-title`}>{t('join.title')}</h2>
          <p className="join__intro">{t('join.intro')}</p>
          {reason && (
            <p className="join__reason" role="status">
              {t(`join.reasons.${reason}`)}
            </p>
          )}
          <div className="field">
            <label htmlFor={`${id}-code`}>{t('join.code')}</label>
            <input
              id={`${id}-code`}
              name="code"
              type="text"
              className="join__code-input"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={32}
              placeholder={'K7QX2M'.slice(0, JOIN_CODE_LENGTH)}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
            <p className="field__hint">{t('join.codeHint')}</p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('join.name')}</label>
            <input
              id={`${id}-name`}
              name="name"
              type="text"
              autoComplete="nickname"
              maxLength={40}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            <p className="field__hint">{t('join.nameHint')}</p>
          </div>
          <button type="submit" className="button button--primary" disabled={pending || locked}>
            {locked ? t('join.wait', { seconds }) : pending ? t('join.joining') : t('join.submit')}
          </button>
          {message && (
            <p className="inline-error" role="alert" data-testid="join-error" data-problem={outcome?.problem}>
              {message}
            </p>
          )}
        </form>
        <div className="join__aside">
          <p>{t('join.replayHint')}</p>
          <OpenLogButton />
        </div>
      </main>
    </div>
  );
}
