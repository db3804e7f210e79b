import { type FramingConfig, framingProblems } from '@playground/codec';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DelimiterFields, LengthPrefixFields } from './FramingFields.tsx';
import { CHOICE_IDS, choiceOf, configOf, isCustom } from './framingChoice.ts';
import './framing.css';

/**
 * A framing: one of the codec's presets (both seed 002 protocols among them) or a custom delimiter
 * or length prefix. What the codec finds wrong with a custom one is said right under it.
 */
export function FramingPicker(props: {
  value: FramingConfig;
  onChange(value: FramingConfig): void;
  label?: string;
  /** Custom framings are for sockets; a server form offers the presets only, to stay short. */
  presetsOnly?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const choice = choiceOf(props.value);
  const problems = framingProblems(props.value);
  const choices = props.presetsOnly ? CHOICE_IDS.filter((c) => !isCustom(c)) : CHOICE_IDS;
  return (
    <div className="framing-picker">
      <div className="field">
        <label htmlFor={`${id}-choice`}>{props.label ?? t('framing.label')}</label>
        <select
          id={`${id}-choice`}
          name="framing"
          value={choice}
          onChange={(e) => props.onChange(configOf(e.target.value as typeof choice, props.value))}
        >
          {choices.map((c) => (
            <option key={c} value={c}>
              {t(`framing.presets.${c}`)}
            </option>
          ))}
        </select>
        {/* The label stays short enough for the select; the hint says what the framing is. */}
        <p className="field__hint">{t(`framing.presetHints.${choice}`)}</p>
      </div>
      {props.value.kind === 'delimiter' && isCustom(choice) && (
        <DelimiterFields value={props.value} onChange={props.onChange} />
      )}
      {props.value.kind === 'length-prefix' && isCustom(choice) && (
        <LengthPrefixFields value={props.value} onChange={props.onChange} />
      )}
      {problems.length > 0 && <p className="inline-error">{t('framing.invalid', { reason: problems.join(' ') })}</p>}
    </div>
  );
}
