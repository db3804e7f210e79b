import { toAsciiCell } from '@playground/codec';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import { logSize } from '../../store/appendLog.ts';
import type { Direction, SocketEntry } from '../../store/state.ts';
import { formatEndpoint } from '../../ui/format.ts';
import { socketLabel } from '../../ui/socketLabel.ts';
import type { FramesResult } from '../framing/model/frameTracker.ts';
import { placeName, usePeerPlace } from '../lifecycle/peerPlace.ts';
import { RibbonGrid } from './RibbonGrid.tsx';
import { findPeer, hasHoles, layoutRibbonRow, PALETTE, type RibbonSource, ribbonSource } from './ribbonModel.ts';
import '../../ui/labNote.css';
import './ribbon.css';

/**
 * The byte ribbon: one cell per byte of one direction of a socket, coloured by the write it came
 * from on the sending side, with a mark at every recv() boundary and every frame boundary.
 */
export function RibbonView(props: { entry: SocketEntry; direction: Direction; frames: FramesResult; framed: boolean }) {
  const { t } = useTranslation();
  const { entry, direction, frames } = props;
  const peer = usePlayground((s) => findPeer(s.sockets, entry));
  const source = useMemo(() => ribbonSource(entry, direction, peer), [entry, direction, peer]);
  const frameStarts = useMemo(() => {
    const starts = new Set<number>();
    if (!props.framed) return starts;
    for (const { frame, base } of frames.frames) starts.add(base + frame.range.start);
    if (frames.partial) starts.add(frames.partial.base + frames.partial.start);
    return starts;
  }, [frames, props.framed]);
  const [pointed, setPointed] = useState<number | null>(null);

  return (
    <div className="ribbon">
      <RibbonLegend entry={entry} source={source} framed={props.framed} />
      <RibbonGrid
        source={source}
        frameStarts={frameStarts}
        label={t('ribbon.label', { socket: socketLabel(t, entry), direction: t(`inspector.tabs.${direction}`) })}
        onPoint={setPointed}
      />
      <RibbonDetails
        source={source}
        offset={pointed}
        frameStarts={frameStarts}
        frames={props.framed ? frames : undefined}
      />
    </div>
  );
}

function RibbonLegend(props: { entry: SocketEntry; source: RibbonSource; framed: boolean }) {
  const { t } = useTranslation();
  const { entry, source } = props;
  const remote = entry.info.remote ? formatEndpoint(entry.info.remote) : '';
  const colours = {
    write: () => t('ribbon.colours.byWrite', { writer: source.peer ? socketLabel(t, source.peer) : '' }),
    ownWrite: () => t('ribbon.colours.byOwnWrite'),
    read: () => t('ribbon.colours.byRead'),
    datagram: () => t('ribbon.colours.byDatagram'),
  }[source.colouring]();
  const outside = entry.info.kind !== 'udp' && !source.peer && entry.info.remote !== undefined;
  const place = usePeerPlace(entry, outside ? entry.info.remote : undefined);
  const bytes = source.shown.end;
  const reads = source.reads ? source.reads.pieces.dropped + logSize(source.reads.pieces) : 0;
  const writes = source.writes ? source.writes.pieces.dropped + logSize(source.writes.pieces) : 0;
  return (
    <section className="ribbon__legend" aria-label={t('ribbon.legend')}>
      <p className="ribbon__summary" data-testid="ribbon-summary">
        {source.colouring === 'datagram'
          ? t(source.reads ? 'ribbon.summaryDatagramsIn' : 'ribbon.summaryDatagramsOut', { bytes, count: writes })
          : !source.reads
            ? t('ribbon.summaryWrites', { bytes, writes })
            : source.writes
              ? t('ribbon.summary', { bytes, writes, reads })
              : t('ribbon.summaryUnknown', { bytes, reads })}
      </p>
      <p className="ribbon__colours">
        <span className="ribbon__swatches" aria-hidden="true">
          {Array.from({ length: PALETTE }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed palette.
            <span key={i} className={`ribbon-swatch rc${i}`} />
          ))}
        </span>
        {colours}
      </p>
      <p className="ribbon__marks">
        <span className="ribbon-mark ribbon-mark--read" aria-hidden="true" /> {t('ribbon.marks.read')}
        {props.framed && (
          <>
            <span className="ribbon-mark ribbon-mark--frame" aria-hidden="true" /> {t('ribbon.marks.frame')}
          </>
        )}
        {source.colouring === 'datagram' && (
          <>
            <span className="ribbon-mark ribbon-mark--cut" aria-hidden="true" /> {t('ribbon.marks.cut')}
          </>
        )}
      </p>
      {outside && (
        <p className="lab-note" data-testid="ribbon-outside">
          {t(direction(source) === 'received' ? 'ribbon.outside' : 'ribbon.noReader', {
            remote,
            who: placeName(t, place),
          })}
        </p>
      )}
      {hasHoles(source.shown, source.writes, source.reads) && (
        <p className="lab-note lab-note--warn">{t('ribbon.holes')}</p>
      )}
    </section>
  );
}

const direction = (source: RibbonSource): Direction => (source.colouring === 'ownWrite' ? 'sent' : 'received');

/** Offset, value, character, write and read of the pointed (or keyboard-selected) byte. */
function RibbonDetails(props: {
  source: RibbonSource;
  offset: number | null;
  frameStarts: ReadonlySet<number>;
  /** Only with a framing chosen: with none, every read is a "frame" and saying so adds nothing. */
  frames: FramesResult | undefined;
}) {
  const { t } = useTranslation();
  const { source, offset } = props;
  const cell = offset === null ? undefined : layoutRibbonRow(source, offset, offset + 1, props.frameStarts)[0];
  let text = t('ribbon.byteHint');
  if (cell) {
    const char = toAsciiCell(cell.value);
    const frame = props.frames?.frames.findLast((f) => f.base + f.frame.range.start <= cell.offset);
    const inFrame = frame && cell.offset < frame.base + frame.frame.range.end;
    text = t('ribbon.byte', {
      offset: cell.offset,
      hex: cell.value.toString(16).padStart(2, '0'),
      char: char === '·' ? t('inspector.charNone') : `'${char}'`,
      write:
        cell.write === undefined
          ? t('ribbon.writeUnknown')
          : t(source.colouring === 'datagram' ? 'ribbon.datagramNo' : 'ribbon.writeNo', { no: cell.write }),
      read: cell.read === undefined ? t('ribbon.readUnknown') : t('ribbon.readNo', { no: cell.read }),
      frame: inFrame ? t('ribbon.frameNo', { no: frame.frame.index }) : '',
    });
    if (cell.cut > 0) text += t('ribbon.cutAfter', { count: cell.cut });
  }
  return (
    <p className="byte-details" aria-live="polite" data-testid="ribbon-details">
      {text}
    </p>
  );
}
