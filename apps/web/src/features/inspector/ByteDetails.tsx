import { toAsciiCell } from '@playground/codec';
import { useTranslation } from 'react-i18next';
import { logAt } from '../../store/appendLog.ts';
import { type ByteLog, byteAt, pieceIndexAt } from '../../store/byteLog.ts';
import type { Direction } from '../../store/state.ts';

/** Offset, value, character and piece of the pointed (or keyboard-selected) byte. */
export function ByteDetails(props: { log: ByteLog; offset: number | null; direction: Direction }) {
  const { t } = useTranslation();
  const { log, offset } = props;
  const piece = offset === null ? undefined : logAt(log.pieces, pieceIndexAt(log, offset));
  let text = t('inspector.byteHint');
  if (offset !== null && piece) {
    const value = byteAt(log, offset);
    const char = toAsciiCell(value);
    text = t('inspector.byte', {
      offset,
      hex: value.toString(16).padStart(2, '0'),
      char: char === '·' ? t('inspector.charNone') : `'${char}'`,
      piece: piece.no,
      call: t(`inspector.calls.${props.direction}`),
      callNo: piece.callNo,
    });
  }
  return (
    <p className="byte-details" aria-live="polite">
      {text}
    </p>
  );
}
