import {
  type DelimiterFraming,
  type LengthPrefixFraming,
  PayloadError,
  parseEscaped,
  parseHex,
} from '@playground/codec';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, NumberInputField } from '../../ui/form/Field.tsx';

function escapedText(bytes: readonly number[]): string {
  return bytes
    .map((b) => {
      if (b === 0x0a) return '\\n';
      if (b === 0x0d) return '\\r';
      if (b === 0x5c) return '\\\\';
      return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
    })
    .join('');
}

const whole = (text: string, fallback: number) => {
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
};

export function DelimiterFields(props: { value: DelimiterFraming; onChange(value: DelimiterFraming): void }) {
  const { t } = useTranslation();
  const id = useId();
  // The text as typed: "\r" alone is not yet what the learner means while typing "\r\n".
  const [text, setText] = useState(() => escapedText(props.value.delimiter));
  const [problem, setProblem] = useState<string | null>(null);
  const change = (next: string) => {
    setText(next);
    try {
      const bytes = Array.from(parseEscaped(next));
      setProblem(null);
      if (bytes.length > 0) props.onChange({ ...props.value, delimiter: bytes });
    } catch (error) {
      if (!(error instanceof PayloadError)) throw error;
      setProblem(error.message);
    }
  };
  return (
    <div className="form__row framing-fields">
      <div className="field field--grow">
        <label htmlFor={`${id}-delimiter`}>{t('framing.delimiter')}</label>
        <input
          type="text"
          id={`${id}-delimiter`}
          className="mono"
          value={text}
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => change(e.target.value)}
        />
        {problem && <p className="field__error">{problem}</p>}
      </div>
      <MaxLengthField
        value={props.value.maxLength}
        onChange={(maxLength) => props.onChange({ ...props.value, maxLength })}
      />
    </div>
  );
}

export function LengthPrefixFields(props: { value: LengthPrefixFraming; onChange(value: LengthPrefixFraming): void }) {
  const { t } = useTranslation();
  const id = useId();
  const v = props.value;
  const set = (patch: Partial<LengthPrefixFraming>) => {
    const next = { ...v, ...patch } as LengthPrefixFraming & { chunkSize?: number };
    // A chunk size belongs to counting chunks only; the codec refuses it otherwise.
    if (next.unit === 'bytes') delete next.chunkSize;
    else next.chunkSize ??= 4;
    props.onChange(next);
  };
  const choice = <K extends 'width' | 'endian' | 'unit'>(
    name: K,
    label: string,
    options: readonly LengthPrefixFraming[K][],
    optionLabel: (option: LengthPrefixFraming[K]) => string,
  ) => (
    <ChoiceField
      id={`${id}-${name}`}
      label={label}
      value={v[name]}
      options={options}
      optionLabel={optionLabel}
      onChange={(value) => set({ [name]: value })}
    />
  );
  const padByte = (v.padByte ?? 0).toString(16).padStart(2, '0');
  return (
    <div className="framing-fields framing-fields--grid">
      {choice('width', t('framing.width'), [1, 2, 4, 8], (width) => t('framing.widthOption', { count: width }))}
      {choice('endian', t('framing.endian'), ['big', 'little'], (endian) => t(`framing.endians.${endian}`))}
      {choice('unit', t('framing.unit'), ['bytes', 'chunks'], (unit) => t(`framing.units.${unit}`))}
      {v.unit === 'chunks' && (
        <NumberInputField
          id={`${id}-chunk`}
          label={t('framing.chunkSize')}
          min={1}
          value={v.chunkSize ?? 4}
          onChange={(text) => set({ chunkSize: whole(text, v.chunkSize ?? 4), padTo: undefined })}
        />
      )}
      <NumberInputField
        id={`${id}-pad`}
        label={t('framing.padTo')}
        min={1}
        value={v.padTo ?? (v.unit === 'chunks' ? (v.chunkSize ?? 1) : 1)}
        onChange={(text) => set({ padTo: Math.max(1, whole(text, 1)) })}
      />
      <div className="field">
        <label htmlFor={`${id}-padbyte`}>{t('framing.padByte')}</label>
        <input
          type="text"
          id={`${id}-padbyte`}
          className="mono"
          value={padByte}
          maxLength={2}
          onChange={(e) => {
            try {
              const [b] = parseHex(e.target.value.padStart(2, '0'));
              if (b !== undefined) set({ padByte: b });
            } catch {
              // Half-typed hex: keep the last valid byte.
            }
          }}
        />
      </div>
      <MaxLengthField value={v.maxLength} onChange={(maxLength) => set({ maxLength })} />
      {v.unit === 'bytes' && (v.padTo ?? 1) > 1 && (
        <label className="check">
          <input
            type="checkbox"
            checked={v.lengthIncludesPadding ?? true}
            onChange={(e) => set({ lengthIncludesPadding: e.target.checked })}
          />
          {t('framing.includesPadding')}
        </label>
      )}
    </div>
  );
}

/** The longest message the decoder takes; what is not yet a whole number keeps the last one. */
function MaxLengthField(props: { value: number; onChange(value: number): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <NumberInputField
      id={`${id}-max`}
      label={t('framing.maxLength')}
      min={0}
      value={props.value}
      onChange={(text) => props.onChange(whole(text, props.value))}
    />
  );
}

/** A labelled select of a few fixed options, each shown by `optionLabel`. */
function ChoiceField<T extends string | number>(props: {
  id: string;
  label: string;
  value: T;
  options: readonly T[];
  optionLabel(option: T): string;
  onChange(value: T): void;
}) {
  return (
    <Field id={props.id} label={props.label}>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(props.options[e.target.selectedIndex] as T)}
      >
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.optionLabel(option)}
          </option>
        ))}
      </select>
    </Field>
  );
}
