import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../bridge/useCommand.ts';
import type { SocketEntry } from '../../store/state.ts';
import { SegmentedToggle } from '../../ui/ChoiceGroup.tsx';
import { FormError } from '../../ui/form/FormError.tsx';
import { FramingPicker } from '../framing/FramingPicker.tsx';
import { StructPackForm } from '../struct/StructPackForm.tsx';
import type { SendOptionProblem, SendOptionsValue } from './sendPlan.ts';
import './lab.css';

/**
 * How a message becomes writes: one write, or pieces of K bytes D ms apart, repeated R times;
 * framed first if chosen; Nagle on or off (TCP); and a struct form that fills the message.
 */
export function SendOptions(props: {
  entry: SocketEntry;
  value: SendOptionsValue;
  problem: SendOptionProblem | null;
  onChange(value: SendOptionsValue): void;
  onPacked(hex: string): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { value, entry } = props;
  const set = <K extends keyof SendOptionsValue>(key: K, v: SendOptionsValue[K]) =>
    props.onChange({ ...value, [key]: v });
  const tcp = entry.info.kind === 'tcp-client' || entry.info.kind === 'tcp-conn';
  const problem = (field: SendOptionProblem['field']) =>
    props.problem?.field === field
      ? t(`lab.send.invalid.${field}`, { min: props.problem.min, max: props.problem.max })
      : null;

  const numberField = (field: 'chunkSize' | 'delayMs' | 'repeat', label: string, min: number) => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        name={field}
        type="number"
        inputMode="numeric"
        min={min}
        value={value[field]}
        aria-invalid={problem(field) ? true : undefined}
        onChange={(e) => set(field, e.target.value)}
      />
    </div>
  );

  return (
    <div className="send-options">
      <SegmentedToggle
        className="send-options__mode"
        label={t('lab.send.writes')}
        showLabel
        value={value.mode}
        onChange={(mode) => set('mode', mode)}
        options={[
          { value: 'one', label: t('lab.send.oneWrite') },
          { value: 'split', label: t('lab.send.split') },
        ]}
      />
      <div className="send-options__numbers">
        {value.mode === 'split' && numberField('chunkSize', t('lab.send.chunkSize'), 1)}
        {value.mode === 'split' && numberField('delayMs', t('lab.send.delayMs'), 0)}
        {numberField('repeat', t('lab.send.repeat'), 1)}
      </div>
      {value.mode === 'split' && <p className="field__hint">{t('lab.send.delayHint')}</p>}
      {props.problem && <p className="inline-error">{problem(props.problem.field)}</p>}
      {entry.info.kind === 'udp' && <p className="field__hint">{t('lab.send.udpNote')}</p>}
      <FramingPicker label={t('lab.send.framing')} value={value.framing} onChange={(f) => set('framing', f)} />
      {tcp && <NagleToggle entry={entry} />}
      <details className="send-options__struct">
        <summary>{t('struct.pack.title')}</summary>
        <StructPackForm onUse={props.onPacked} />
      </details>
    </div>
  );
}

/** Nagle's algorithm is on unless TCP_NODELAY was set: the checkbox shows and changes that. */
function NagleToggle(props: { entry: SocketEntry }) {
  const { t } = useTranslation();
  const id = useId();
  const command = useCommand();
  const on = props.entry.noDelay !== true;
  return (
    <div className="nagle">
      <label className="check" htmlFor={`${id}-nagle`}>
        <input
          id={`${id}-nagle`}
          type="checkbox"
          name="nagle"
          checked={on}
          disabled={command.pending}
          aria-describedby={`${id}-nagle-hint`}
          onChange={(e) =>
            void command.run({ type: 'socket.setNoDelay', socketId: props.entry.info.id, noDelay: !e.target.checked })
          }
        />
        {t('lab.send.nagle')}: {on ? t('lab.send.nagleOn') : t('lab.send.nagleOff')}
      </label>
      <p id={`${id}-nagle-hint`} className="field__hint">
        {t('lab.send.nagleHint')}
      </p>
      <FormError error={command.error} />
    </div>
  );
}
