import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import type { Piece } from '../../store/byteLog.ts';
import type { Direction, SocketEntry } from '../../store/state.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { socketLabel } from '../../ui/socketLabel.ts';
import { TabList, TabPanel, Tabs } from '../../ui/Tabs.tsx';
import { LabView } from '../lab/LabView.tsx';
import { ViewSwitch } from '../lab/ViewSwitch.tsx';
import { ByteDetails } from './ByteDetails.tsx';
import { HexGrid } from './HexGrid.tsx';
import { piecesBetween } from './hexLayout.ts';
import { PieceLegend } from './PieceLegend.tsx';
import './inspector.css';

const DIRECTIONS: Direction[] = ['received', 'sent'];

export function Inspector() {
  const { t } = useTranslation();
  const id = useId();
  const entry = usePlayground((s) => (s.selection.key ? s.sockets[s.selection.key] : undefined));
  const direction = usePlayground((s) => s.selection.direction);
  const showDirection = usePlayground((s) => s.showDirection);
  const view = usePlayground((s) => s.lab.view);

  return (
    <Tabs value={direction} onChange={showDirection} asChild>
      <section className="panel inspector" data-testid="inspector" aria-labelledby={`${id}-title`}>
        <div className="panel__header inspector__header">
          <h2 id={`${id}-title`}>
            {t('inspector.title')}
            {entry && <span className="inspector__socket"> · {socketLabel(t, entry)}</span>}
          </h2>
          {entry && <DirectionTabs entry={entry} />}
          {entry && <ViewSwitch />}
        </div>
        {entry ? (
          DIRECTIONS.map((d) => (
            <TabPanel key={d} value={d} className={`inspector__body${view === 'hex' ? '' : ' inspector__body--lab'}`}>
              {view === 'hex' ? (
                <ByteView key={entry.key} entry={entry} direction={d} />
              ) : (
                <LabView key={entry.key} entry={entry} direction={d} view={view} />
              )}
            </TabPanel>
          ))
        ) : (
          <EmptyState title={t('inspector.empty')}>{t('inspector.emptyHint')}</EmptyState>
        )}
      </section>
    </Tabs>
  );
}

/** Received or sent, each with how many bytes in how many pieces. */
function DirectionTabs(props: { entry: SocketEntry }) {
  const { t } = useTranslation();
  const { counters } = props.entry;
  return (
    <TabList
      look="box"
      label={t('inspector.directions')}
      options={DIRECTIONS.map((d) => ({
        value: d,
        label: t(`inspector.tabs.${d}`),
        detail: t('inspector.tabSummary', {
          bytes: d === 'received' ? counters.bytesIn : counters.bytesOut,
          count: d === 'received' ? counters.reads : counters.writes,
        }),
      }))}
    />
  );
}

function ByteView(props: { entry: SocketEntry; direction: Direction }) {
  const { t } = useTranslation();
  const { entry, direction } = props;
  const log = direction === 'received' ? entry.received : entry.sent;
  const focusSeq = usePlayground((s) => s.selection.pieceSeq);
  const select = usePlayground((s) => s.select);
  const [pointed, setPointed] = useState<number | null>(null);
  const [view, setView] = useState({ from: 0, to: 0 });
  const onView = useCallback((from: number, to: number) => setView({ from, to }), []);
  const choose = (piece: Piece) => select(entry.key, { direction, seq: piece.seq });

  if (log.end === 0) return <EmptyState>{t(`inspector.noBytes.${direction}`)}</EmptyState>;
  const total = direction === 'received' ? entry.counters.bytesIn : entry.counters.bytesOut;
  return (
    <>
      {log.start > 0 && (
        <p className="inspector__window">{t('inspector.window', { kept: log.end - log.start, total })}</p>
      )}
      {total > log.end && (
        <p className="inspector__window">{t('inspector.missing', { missing: total - log.end, total })}</p>
      )}
      <div className="inspector__main">
        <HexGrid
          log={log}
          label={t('inspector.gridLabel', {
            direction: t(`inspector.tabs.${direction}`),
            socket: socketLabel(t, entry),
          })}
          focusSeq={focusSeq}
          onPoint={setPointed}
          onView={onView}
        />
        <PieceLegend
          pieces={piecesBetween(log, view.from, view.to)}
          direction={direction}
          focusSeq={focusSeq}
          onChoose={choose}
        />
      </div>
      <ByteDetails log={log} offset={pointed} direction={direction} />
    </>
  );
}
