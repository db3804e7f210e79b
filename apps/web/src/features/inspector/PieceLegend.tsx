import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Piece } from '../../store/byteLog.ts';
import type { Direction } from '../../store/state.ts';
import { formatEndpoint } from '../../ui/format.ts';

/** Enough to read at a glance; with recv(1) a screen can hold hundreds of pieces. */
const MAX_ITEMS = 40;

function describePiece(t: TFunction, piece: Piece, direction: Direction): string {
  const base = { no: piece.no, size: piece.size, callNo: piece.callNo };
  const main = piece.from
    ? t('inspector.datagramIn', { ...base, from: formatEndpoint(piece.from) })
    : piece.to
      ? t('inspector.datagramOut', { ...base, to: formatEndpoint(piece.to) })
      : t('inspector.piece', { ...base, call: t(`inspector.calls.${direction}`) });
  const notes = [
    piece.skipped ? t('inspector.skipped', { count: piece.skipped, call: t(`inspector.calls.${direction}`) }) : null,
    piece.lost ? t('inspector.lost', { count: piece.lost }) : null,
    piece.length < piece.size ? t('inspector.capped', { length: piece.length }) : null,
  ].filter(Boolean);
  return notes.length ? `${main} — ${notes.join('; ')}` : main;
}

/** The pieces on screen, each with its swatch; choosing one highlights it in the grid. */
export function PieceLegend(props: {
  pieces: Piece[];
  direction: Direction;
  focusSeq: number | null;
  onChoose(piece: Piece): void;
}) {
  const { t } = useTranslation();
  const shown = props.pieces.slice(0, MAX_ITEMS);
  return (
    <section className="legend" aria-label={t('inspector.legend')}>
      <h3 className="legend__title">{t('inspector.legend')}</h3>
      <ul className="legend__list">
        {shown.map((piece) => (
          <li key={piece.seq}>
            <button
              type="button"
              className={`legend__item ${piece.seq === props.focusSeq ? 'is-focus-piece' : ''}`}
              aria-pressed={piece.seq === props.focusSeq}
              onClick={() => props.onChoose(piece)}
            >
              <span
                className={`legend__swatch ${piece.no % 2 === 1 ? 'piece-odd' : 'piece-even'}`}
                aria-hidden="true"
              />
              {describePiece(t, piece, props.direction)}
            </button>
          </li>
        ))}
      </ul>
      {props.pieces.length > MAX_ITEMS && (
        <p className="legend__more">{t('inspector.morePieces', { count: props.pieces.length - MAX_ITEMS })}</p>
      )}
    </section>
  );
}
