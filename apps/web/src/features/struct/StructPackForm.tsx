import {
  pack,
  STRUCT_CODES,
  StructError,
  type StructLayout,
  structLayout,
  toHex,
  toPythonBytes,
} from '@playground/codec';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultInput, FieldInputError, parseFieldInput } from './structValues.ts';
import './struct.css';

export const DEFAULT_PACK_FORMAT = '>iii';

type Layout = { layout: StructLayout; problem: null } | { layout: null; problem: string };

function layoutOf(format: string): Layout {
  try {
    return { layout: structLayout(format), problem: null };
  } catch (error) {
    if (error instanceof StructError) return { layout: null, problem: error.message };
    throw error;
  }
}

/**
 * `struct.pack(format, *values)` from a form: one input per value the format takes, generated from
 * the codec's layout. The packed bytes can become the send box's message, as hex.
 */
export function StructPackForm(props: { onUse(hex: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [format, setFormat] = useState(DEFAULT_PACK_FORMAT);
  const [inputs, setInputs] = useState<string[]>([]);
  const parsed = useMemo(() => layoutOf(format), [format]);
  const fields = parsed.layout?.fields ?? [];
  const valueAt = (i: number) => inputs[i] ?? defaultInput(fields[i]?.code ?? 'i', i);

  const result = useMemo((): { bytes: Uint8Array; problem: null } | { bytes: null; problem: string } | null => {
    if (!parsed.layout) return null;
    try {
      const values = parsed.layout.fields.map((f, i) => parseFieldInput(f.code, inputs[i] ?? defaultInput(f.code, i)));
      return { bytes: pack(format, values), problem: null };
    } catch (error) {
      if (error instanceof StructError || error instanceof FieldInputError)
        return { bytes: null, problem: error.message };
      throw error;
    }
  }, [parsed, format, inputs]);

  const setInput = (i: number, value: string) =>
    setInputs((current) => {
      const next = fields.map((f, k) => current[k] ?? defaultInput(f.code, k));
      next[i] = value;
      return next;
    });

  return (
    <fieldset className="struct-pack">
      <legend>{t('struct.pack.title')}</legend>
      <div className="field">
        <label htmlFor={`${id}-format`}>{t('struct.format')}</label>
        <input
          type="text"
          id={`${id}-format`}
          className="mono"
          value={format}
          spellCheck={false}
          aria-describedby={`${id}-format-hint`}
          aria-invalid={parsed.problem ? true : undefined}
          onChange={(e) => setFormat(e.target.value)}
        />
        <p id={`${id}-format-hint`} className="field__hint">
          {parsed.layout ? t('struct.size', { count: parsed.layout.size }) : t('struct.formatHint')}
        </p>
      </div>
      {parsed.problem && <p className="inline-error">{t('struct.invalid', { reason: parsed.problem })}</p>}
      {parsed.layout && fields.length === 0 && <p className="field__hint">{t('struct.pack.noFields')}</p>}
      <div className="struct-pack__fields">
        {fields.map((field, i) => (
          <div className="field" key={`${field.range.start}${field.code}`}>
            <label htmlFor={`${id}-f${i}`}>
              {t('struct.pack.field', { no: i + 1, code: field.code, ctype: STRUCT_CODES[field.code].cType })}
            </label>
            {STRUCT_CODES[field.code].kind === 'bool' ? (
              <select id={`${id}-f${i}`} value={valueAt(i)} onChange={(e) => setInput(i, e.target.value)}>
                <option value="True">True</option>
                <option value="False">False</option>
              </select>
            ) : (
              <input
                type="text"
                id={`${id}-f${i}`}
                className="mono"
                value={valueAt(i)}
                spellCheck={false}
                onChange={(e) => setInput(i, e.target.value)}
              />
            )}
          </div>
        ))}
      </div>
      {result?.problem && <p className="inline-error">{t('struct.invalid', { reason: result.problem })}</p>}
      {result?.bytes && (
        <div className="struct-pack__result">
          <code className="mono">{t('struct.pack.result', { python: toPythonBytes(result.bytes) })}</code>
          <button
            type="button"
            className="button button--small"
            onClick={() => props.onUse(toHex(result.bytes as Uint8Array))}
          >
            {t('struct.pack.useAsMessage')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
