import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import type { TimeOrigin } from '../../store/labSettings.ts';
import { peerOf } from '../lifecycle/connections.ts';
import { firstTimeOf, TIME_ORIGINS } from './timeLabels.ts';

/**
 * The chosen origin of times, and for `connection` the selected connection's first event (either
 * end's, whichever came first). Shared by the log and the flow diagram, so both count alike.
 */
export function useTimeReference(): { origin: TimeOrigin; connectionStart: number | null } {
  const chosen = usePlayground((s) => s.lab.timeOrigin);
  const log = usePlayground((s) => s.log);
  const keys = usePlayground((s) => {
    const entry = s.selection.key ? s.sockets[s.selection.key] : undefined;
    if (!entry) return '';
    const peer = peerOf(s.sockets, entry);
    return peer ? `${entry.key} ${peer.key}` : entry.key;
  });
  // Found once per selection, and again only when the log's kept window moves: later rows cannot
  // come before the first one.
  const cache = useRef<{ keys: string; items: unknown; head: number; start: number } | null>(null);
  let start: number | null = null;
  if (chosen === 'connection' && keys) {
    const kept = cache.current;
    if (kept && kept.keys === keys && kept.items === log.items && kept.head === log.head) start = kept.start;
    else {
      start = firstTimeOf(log, new Set(keys.split(' ')));
      cache.current = start === null ? null : { keys, items: log.items, head: log.head, start };
    }
  }
  // Without a selection the connection has no start: count from the session's like the default.
  const origin = chosen === 'connection' && !keys ? 'session' : chosen;
  return { origin, connectionStart: start };
}

/** "Times from: the session's start / the selected connection's first event / the row above". */
export function TimeOriginPicker() {
  const { t } = useTranslation();
  const id = useId();
  const origin = usePlayground((s) => s.lab.timeOrigin);
  const hasSelection = usePlayground((s) => s.selection.key !== null);
  const setTimeOrigin = usePlayground((s) => s.setTimeOrigin);
  return (
    <div className="time-origin">
      <label htmlFor={id}>{t('log.timeFrom')}</label>
      <select
        id={id}
        value={origin}
        title={t('log.timeFromHint')}
        data-testid="time-origin"
        onChange={(e) => setTimeOrigin(e.target.value as TimeOrigin)}
        aria-describedby={origin === 'connection' && !hasSelection ? `${id}-hint` : undefined}
      >
        {TIME_ORIGINS.map((o) => (
          <option key={o} value={o}>
            {t(`log.origins.${o}`)}
          </option>
        ))}
      </select>
      {origin === 'connection' && !hasSelection && (
        <span id={`${id}-hint`} className="time-origin__hint">
          {t('log.selectForOrigin')}
        </span>
      )}
    </div>
  );
}
