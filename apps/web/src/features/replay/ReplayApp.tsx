import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../ui/format.ts';
import { LanguageSwitch } from '../../ui/shell/LanguageSwitch.tsx';
import { ReadOnlyWorkspace } from './ReadOnlyWorkspace.tsx';
import { useReplay, useReplayStore } from './replayStore.ts';

/** Playback waits at most this long between events, however idle the session was. */
const MAX_WAIT_MS = 600;
const TICK_MS = 50;

/** Plays the timeline forward in (roughly) the session's own time. */
function usePlayback(): void {
  const viewer = useReplayStore();
  const playing = useReplay((s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    let waited = 0;
    const timer = setInterval(() => {
      const { replay, position, seek, setPlaying } = viewer.getState();
      if (!replay || position >= replay.length) {
        setPlaying(false);
        return;
      }
      waited += TICK_MS;
      const now = replay.timeAt(position);
      let next = position + 1;
      const due = replay.timeAt(next) - now <= waited || waited >= MAX_WAIT_MS;
      if (!due) return;
      // Every event that falls in this tick goes at once, so a burst does not crawl.
      while (next < replay.length && replay.timeAt(next + 1) - now <= waited) next++;
      waited = 0;
      seek(next);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [viewer, playing]);
}

/** The read-only viewer of an exported log: a timeline to scrub, and the page as it was at that point. */
export function ReplayApp() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const replay = useReplay((s) => s.replay);
  const store = useReplay((s) => s.store);
  const position = useReplay((s) => s.position);
  const playing = useReplay((s) => s.playing);
  const fileName = useReplay((s) => s.fileName);
  const { seek, close: closeReplay, setPlaying } = useReplayStore().getState();
  usePlayback();
  if (!replay || !store) return null;
  const { log } = replay;
  const exported = new Date(log.exportedAt);
  const exportedText = Number.isNaN(exported.getTime())
    ? log.exportedAt
    : exported.toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <div className="app replay-app" data-testid="replay">
      <header className="app-header">
        <div className="app-header__brand">
          <h1>{t('replay.title')}</h1>
          <p className="app-header__tagline">{fileName}</p>
        </div>
        <div className="app-header__meta">
          <span>{t('replay.exported', { when: exportedText })}</span>
          <LanguageSwitch />
          <button type="button" className="button button--small button--on-dark" onClick={closeReplay}>
            {t('replay.close')}
          </button>
        </div>
      </header>
      <div className="replay-bar">
        <button
          type="button"
          className="button button--small"
          onClick={() => seek(0)}
          disabled={position === 0}
          aria-label={t('replay.start')}
          title={t('replay.start')}
        >
          |◀
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => seek(position - 1)}
          disabled={position === 0}
          aria-label={t('replay.back')}
          title={t('replay.back')}
        >
          ◀
        </button>
        <button
          type="button"
          className="button button--small button--primary"
          data-testid="replay-play"
          onClick={() => {
            if (!playing && position >= replay.length) seek(0);
            setPlaying(!playing);
          }}
        >
          {playing ? t('replay.pause') : t('replay.play')}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => seek(position + 1)}
          disabled={position >= replay.length}
          aria-label={t('replay.forward')}
          title={t('replay.forward')}
        >
          ▶
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => seek(replay.length)}
          disabled={position >= replay.length}
          aria-label={t('replay.end')}
          title={t('replay.end')}
        >
          ▶|
        </button>
        <label htmlFor={`${id}-slider`} className="visually-hidden">
          {t('replay.timeline')}
        </label>
        <input
          id={`${id}-slider`}
          className="replay-bar__slider"
          data-testid="replay-slider"
          type="range"
          min={0}
          max={replay.length}
          step={1}
          value={position}
          onChange={(e) => {
            setPlaying(false);
            seek(Number(e.target.value));
          }}
        />
        <span className="replay-bar__position" data-testid="replay-position" aria-live="polite">
          {t('replay.position', { position, total: replay.length, time: formatTime(replay.timeAt(position)) })}
        </span>
        {(log.missing ?? 0) > 0 && (
          <span className="replay-missing">{t('replay.missing', { count: log.missing ?? 0 })}</span>
        )}
      </div>
      <main className="replay-main">
        <ReadOnlyWorkspace store={store} />
      </main>
    </div>
  );
}
