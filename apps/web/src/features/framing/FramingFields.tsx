import {
  type DelimiterFraming,
  type LengthPrefixFraming,
  PayloadError,
  parseEscaped,
  parseHex,
} from '@playground/codec';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

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
      <div className="field">
        <label htmlFor={`${id}-max`}>{t('framing.maxLength')}</label>
        <input
          id={`${id}-max`}
          type="number"
          min={0}
          value={props.value.maxLength}
          onChange={(e) => props.onChange({ ...props.value, maxLength: whole(e.target.value, props.value.maxLength) })}
        />
      </div>
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
  const padByte = (v.padByte ?? 0).toString(16).padStart(2, '0');
  return (
    <div className="framing-fields framing-fields--grid">
      <div className="field">
        <label htmlFor={`${id}-width`}>{t('framing.width')}</label>
        <select
          id={`${id}-width`}
          value={v.width}
          onChange={(e) => set({ width: Number(e.target.value) as LengthPrefixFraming['width'] })}
        >
          {[1, 2, 4, 8].map((w) => (
            <option key={w} value={w}>
              {t('framing.widthOption', { width: w })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-endian`}>{t('framing.endian')}</label>
        <select
          id={`${id}-endian`}
          value={v.endian}
          onChange={(e) => set({ endian: e.target.value as LengthPrefixFraming['endian'] })}
        >
          {(['big', 'little'] as const).map((e) => (
            <option key={e} value={e}>
              {t(`framing.endians.${e}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-unit`}>{t('framing.unit')}</label>
        <select
          id={`${id}-unit`}
          value={v.unit}
          onChange={(e) => set({ unit: e.target.value as LengthPrefixFraming['unit'] })}
        >
          {(['bytes', 'chunks'] as const).map((u) => (
            <option key={u} value={u}>
              {t(`framing.units.${u}`)}
            </option>
          ))}
        </select>
      </div>
      {v.unit === 'chunks' && (
        <div className="field">
          <label htmlFor={`${id}-chunk`}>{t('framing.chunkSize')}</label>
          <input
            id={`${id}-chunk`}
            type="number"
            min={1}
            value={v.chunkSize ?? 4}
            onChange={(e) => set({ chunkSize: whole(e.target.value, v.chunkSize ?? 4), padTo: undefined })}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-pad`}>{t('framing.padTo')}</label>
        <input
          id={`${id}-pad`}
          type="number"
          min={1}
          value={v.padTo ?? (v.unit === 'chunks' ? (v.chunkSize ?? 1) : 1)}
          onChange={(e) => set({ padTo: Math.max(1, whole(e.target.value, 1)) })}
        />
      </div>
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
      <div className="field">
        <label htmlFor={`${id}-max`}>{t('framing.maxLength')}</label>
        <input
          id={`${id}-max`}
          type="number"
          min={0}
          value={v.maxLength}
          onChange={(e) => set({ maxLength: whole(e.target.value, v.maxLength) })}
        />
      </div>
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
