import { useMemo } from 'react';
import { type EventRef, eventsForSegment, findLogEntry, segmentsForEvent } from '../store/wireLinks.ts';
import { segmentId } from '../store/wireView.ts';
import { usePlayground } from './context.tsx';

const NONE: ReadonlySet<never> = new Set();

/** The reads and writes whose bytes the picked segment carried: the log and the wire view mark them. */
export function useEventsOfPickedSegment(): ReadonlySet<EventRef> {
  const log = usePlayground((s) => s.log);
  const entries = usePlayground((s) => s.wire.entries);
  const picked = usePlayground((s) => s.wire.selected);
  return useMemo(() => {
    const entry = picked === null ? undefined : entries.find((e) => segmentId(e) === picked);
    return entry ? new Set(eventsForSegment(log, entries, entry)) : NONE;
  }, [log, entries, picked]);
}

/** The segments that carried the bytes of the read or write selected in the log, by segment id. */
export function useSegmentsOfSelectedEvent(): ReadonlySet<string> {
  const log = usePlayground((s) => s.log);
  const entries = usePlayground((s) => s.wire.entries);
  const key = usePlayground((s) => s.selection.key);
  const seq = usePlayground((s) => s.selection.pieceSeq);
  return useMemo(() => {
    if (key === null || seq === null) return NONE;
    const logEntry = findLogEntry(log, key, seq);
    return logEntry ? new Set(segmentsForEvent(entries, log, logEntry).map(segmentId)) : NONE;
  }, [log, entries, key, seq]);
}
