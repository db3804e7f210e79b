import { MAX_RECV_SIZE, MIN_RECV_SIZE } from '@playground/protocol';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../bridge/useCommand.ts';
import type { SocketEntry } from '../../store/state.ts';
import { ChipGroup } from '../../ui/ChoiceGroup.tsx';
import { FormError } from '../../ui/form/FormError.tsx';
import { RecvSlider } from './RecvSlider.tsx';
import { SEED_SIZES } from './recvScale.ts';
import './readControls.css';

/** A size waits this long after the last slider move before it is sent, so dragging sends one command. */
const SETTLE_MS = 250;

/**
 * The receive side of a running socket: how many bytes its next recv() may return (a logarithmic
 * slider with the seeds' sizes marked, plus the exact number), and pausing its reading.
 */
export function ReadControls(props: { entry: SocketEntry; disabled: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const { info } = props.entry;
  const command = useCommand();
  const pause = useCommand();
  const [size, setSize] = useState(info.recvSize);
  const [text, setText] = useState(String(info.recvSize));

  // The bridge's value wins whenever it changes (another control, a demo).
  useEffect(() => {
    setSize(info.recvSize);
    setText(String(info.recvSize));
  }, [info.recvSize]);

  const run = command.run;
  useEffect(() => {
    if (size === info.recvSize || props.disabled) return;
    const timer = setTimeout(
      () => void run({ type: 'socket.setRecvSize', socketId: info.id, recvSize: size }),
      SETTLE_MS,
    );
    return () => clearTimeout(timer);
  }, [size, info.recvSize, info.id, props.disabled, run]);

  const choose = (next: number) => {
    setSize(next);
    setText(String(next));
  };
  const paused = props.entry.readingPaused === true;

  return (
    <div className="read-controls">
      <div className="read-controls__row">
        <label htmlFor={`${id}-exact`} className="read-controls__label">
          {t(info.kind === 'udp' ? 'lab.read.labelUdp' : 'lab.read.label')}
        </label>
        <input
          id={`${id}-exact`}
          className="read-controls__exact mono"
          type="number"
          min={MIN_RECV_SIZE}
          max={MAX_RECV_SIZE}
          value={text}
          disabled={props.disabled}
          onChange={(e) => {
            setText(e.target.value);
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= MIN_RECV_SIZE && n <= MAX_RECV_SIZE) setSize(n);
          }}
        />
        <button
          type="button"
          className={`button button--small read-controls__pause ${paused ? 'button--warn' : ''}`}
          aria-pressed={paused}
          title={t('lab.read.pauseHint')}
          disabled={props.disabled || pause.pending}
          onClick={() => void pause.run({ type: 'socket.pauseReading', socketId: info.id, paused: !paused })}
        >
          {paused ? t('lab.read.resume') : t('lab.read.pause')}
        </button>
      </div>
      <RecvSlider size={size} disabled={props.disabled} onChange={choose} />
      <ChipGroup
        className="read-controls__chips"
        label={t('lab.read.chips')}
        value={SEED_SIZES.includes(size) ? String(size) : null}
        disabled={props.disabled}
        onChange={(v) => choose(Number(v))}
        options={SEED_SIZES.map((seed) => ({ value: String(seed), label: String(seed) }))}
      />
      {paused && <p className="read-controls__paused">{t('lab.read.paused')}</p>}
      <FormError error={command.error ?? pause.error} />
    </div>
  );
}
