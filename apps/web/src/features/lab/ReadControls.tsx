import { MAX_RECV_SIZE, MIN_RECV_SIZE } from '@playground/protocol';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SocketEntry } from '../../bridge/state.ts';
import { useCommand } from '../../bridge/useCommand.ts';
import { FormError } from '../../ui/form/FormError.tsx';
import { positionOf, SEED_SIZES, SLIDER_STEPS, sizeAt } from './recvScale.ts';

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
      <input
        className="recv-slider"
        type="range"
        min={0}
        max={SLIDER_STEPS}
        list={`${id}-ticks`}
        value={positionOf(size)}
        disabled={props.disabled}
        aria-label={t('lab.read.sliderLabel')}
        aria-valuetext={`recv(${size})`}
        onChange={(e) => choose(sizeAt(Number(e.target.value)))}
      />
      {/* The seeds' sizes as tick marks on the slider, and as chips to jump to them exactly. */}
      <datalist id={`${id}-ticks`}>
        {SEED_SIZES.map((seed) => (
          <option key={seed} value={positionOf(seed)} label={String(seed)} />
        ))}
      </datalist>
      <fieldset className="chips read-controls__chips">
        <legend className="visually-hidden">{t('lab.read.chips')}</legend>
        {SEED_SIZES.map((seed) => (
          <button
            key={seed}
            type="button"
            className="chip"
            aria-pressed={size === seed}
            aria-label={t('forms.recvSizeChip', { size: seed })}
            disabled={props.disabled}
            onClick={() => choose(seed)}
          >
            {seed}
          </button>
        ))}
      </fieldset>
      {paused && <p className="read-controls__paused">{t('lab.read.paused')}</p>}
      <FormError error={command.error ?? pause.error} />
    </div>
  );
}
