import { useId, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ByteLog } from '../../store/byteLog.ts';
import type { PayloadView, ReceiveFraming } from '../../store/labSettings.ts';
import { FrameItem } from './FrameItem.tsx';
import { FrameProblems, PartialFrameView } from './FramesStatus.tsx';
import { FramingPicker } from './FramingPicker.tsx';
import type { FramesResult } from './model/frameTracker.ts';
import '../../ui/labNote.css';
import './framing.css';

const PAYLOADS: PayloadView[] = ['text', 'json', 'struct'];
/** Frames rendered at once; the tracker keeps more, and the count says how many are not listed. */
const SHOWN = 100;

/**
 * The frames pane: the framing the receiver uses (kept per socket), each complete frame decoded,
 * the frame still arriving, and what went wrong, explained.
 */
export function FramesView(props: {
  log: ByteLog;
  frames: FramesResult;
  choice: ReceiveFraming;
  datagrams: boolean;
  onChoice(choice: ReceiveFraming): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { log, frames, choice } = props;
  const listRef = useRef<HTMLDivElement>(null);
  const shown = frames.frames.slice(-SHOWN);
  const notListed = frames.older + frames.frames.length - shown.length;

  // The newest frame stays in view as frames arrive.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when frames arrive, which the ref cannot tell.
  useLayoutEffect(() => {
    const el = listRef.current;
    const last = el?.querySelector<HTMLElement>('.frames > .frame:last-child');
    if (!el) return;
    // The newest frame's first line must show: a tall JSON frame is scrolled to its top, not its end.
    const bottom = el.scrollHeight - el.clientHeight;
    el.scrollTop = last && !frames.partial ? Math.min(bottom, last.offsetTop - 4) : bottom;
  }, [frames.frames.length, frames.partial?.have]);

  return (
    <div className="frames-view">
      <div className="frames-view__controls">
        <FramingPicker value={choice.framing} onChange={(framing) => props.onChoice({ ...choice, framing })} />
        <div className="field">
          <label htmlFor={`${id}-payload`}>{t('frames.payload')}</label>
          <select
            id={`${id}-payload`}
            name="payload"
            value={choice.payload}
            onChange={(e) => props.onChoice({ ...choice, payload: e.target.value as PayloadView })}
          >
            {PAYLOADS.map((p) => (
              <option key={p} value={p}>
                {t(`frames.payloads.${p}`)}
              </option>
            ))}
          </select>
        </div>
        {choice.payload === 'struct' && (
          <div className="field">
            <label htmlFor={`${id}-format`}>{t('struct.format')}</label>
            <input
              type="text"
              id={`${id}-format`}
              className="mono"
              value={choice.structFormat}
              spellCheck={false}
              onChange={(e) => props.onChoice({ ...choice, structFormat: e.target.value })}
            />
          </div>
        )}
      </div>
      <p className="frames-view__summary" data-testid="frames-count">
        {t('frames.count', { count: frames.older + frames.frames.length })}
        {props.datagrams && ` · ${t('frames.udpNote')}`}
      </p>
      {frames.startMissing && <p className="lab-note lab-note--warn">{t('frames.startMissing')}</p>}
      {frames.holes && <p className="lab-note lab-note--warn">{t('frames.holes')}</p>}
      <FrameProblems result={frames} />
      <div className="frames-view__list" ref={listRef}>
        {notListed > 0 && <p className="lab-note">{t('frames.older', { count: notListed })}</p>}
        {shown.length === 0 && !frames.partial && <p className="lab-note">{t('frames.noFrames')}</p>}
        <ol className="frames">
          {shown.map((entry) => (
            <FrameItem key={`${entry.base}-${entry.frame.index}`} entry={entry} log={log} choice={choice} />
          ))}
        </ol>
        <PartialFrameView result={frames} framing={choice.framing} />
      </div>
    </div>
  );
}
