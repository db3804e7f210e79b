import type { FramingConfig } from '@playground/codec';
import { useMemo, useRef } from 'react';
import type { ByteLog } from '../../store/byteLog.ts';
import { type FramesResult, FrameTracker } from './model/frameTracker.ts';

/** The frames of one direction of one socket, decoded incrementally as bytes arrive. */
export function useFrames(log: ByteLog, framing: FramingConfig, datagrams: boolean): FramesResult {
  const tracker = useRef<FrameTracker | null>(null);
  return useMemo(() => {
    const current = tracker.current;
    if (!current || current.framing !== framing || !current.follows(log)) {
      tracker.current = new FrameTracker(framing, datagrams, log);
    }
    return (tracker.current as FrameTracker).update(log);
  }, [log, framing, datagrams]);
}
