import { type ByteRange, toHex, type Unpacked } from '@playground/codec';
import { useTranslation } from 'react-i18next';
import { fieldNames, formatValue } from './structValues.ts';

/**
 * The fields of one unpacked record: name, code, value and the bytes it came from. Pointing at
 * (or focusing) a row reports the field's byte range so the record's bytes can light up.
 */
export function StructTable(props: {
  unpacked: Unpacked;
  record: Uint8Array;
  names: string;
  highlight: ByteRange | null;
  onHighlight(range: ByteRange | null): void;
}) {
  const { t } = useTranslation();
  const { unpacked, record } = props;
  const names = fieldNames(props.names, unpacked.fields.length);
  return (
    <table className="struct-table" aria-label={t('struct.unpack.tableLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('struct.unpack.columns.field')}</th>
          <th scope="col">{t('struct.unpack.columns.code')}</th>
          <th scope="col">{t('struct.unpack.columns.value')}</th>
          <th scope="col">{t('struct.unpack.columns.bytes')}</th>
        </tr>
      </thead>
      <tbody>
        {unpacked.fields.map((field, i) => {
          const lit = props.highlight?.start === field.range.start && props.highlight.end === field.range.end;
          return (
            <tr
              key={field.range.start}
              className={lit ? 'is-lit' : undefined}
              data-testid="struct-field"
              tabIndex={0}
              onMouseEnter={() => props.onHighlight(field.range)}
              onMouseLeave={() => props.onHighlight(null)}
              onFocus={() => props.onHighlight(field.range)}
              onBlur={() => props.onHighlight(null)}
            >
              <th scope="row">{names[i]}</th>
              <td className="mono">{field.code}</td>
              <td className="mono struct-table__value">{formatValue(field.value)}</td>
              <td className="mono struct-table__bytes">{toHex(record.subarray(field.range.start, field.range.end))}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The record's bytes in a row, the highlighted field's bytes lit, padding marked. */
export function RecordBytes(props: { record: Uint8Array; unpacked: Unpacked; highlight: ByteRange | null }) {
  const { t } = useTranslation();
  const { record, unpacked, highlight } = props;
  const padded = (i: number) => unpacked.padding.some((p) => i >= p.range.start && i < p.range.end);
  const fieldOf = (i: number) => unpacked.fields.findIndex((f) => i >= f.range.start && i < f.range.end);
  const cells = [];
  // A loop rather than map: a record's bytes never move, so their offsets are their keys.
  for (let i = 0; i < record.length; i++) {
    const lit = highlight !== null && i >= highlight.start && i < highlight.end;
    const field = fieldOf(i);
    const cls = [
      'record-bytes__cell',
      field >= 0 ? `field-${field % 2 === 0 ? 'even' : 'odd'}` : '',
      padded(i) ? 'is-padding' : '',
      lit ? 'is-lit' : '',
    ].join(' ');
    cells.push(
      <span
        key={i}
        className={cls}
        data-lit={lit || undefined}
        title={padded(i) ? t('struct.unpack.padding') : undefined}
      >
        {(record[i] as number).toString(16).padStart(2, '0')}
      </span>,
    );
  }
  return (
    <div className="record-bytes" role="img" aria-label={t('struct.unpack.bytesLabel')}>
      {cells}
    </div>
  );
}
