import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge, usePlayground } from '../../bridge/context.tsx';
import { useEventsOfPickedSegment, useSegmentsOfSelectedEvent } from '../../bridge/useWireLinks.ts';
import { segmentId } from '../../store/wireView.ts';
import { download } from '../../ui/download.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { CaptureStatus } from './CaptureStatus.tsx';
import { pcapBytes, pcapFileName } from './exportPcap.ts';
import { SegmentDetails } from './SegmentDetails.tsx';
import { wireRows } from './timeline.ts';
import { useWireWatch } from './useWireWatch.ts';
import { WireTable } from './WireTable.tsx';
import './wire.css';

/** The wire view: the session's captured segments next to its reads and writes, live. */
export function WireView() {
  useWireWatch();
  return <WireWitness live onRetry={useRetry()} />;
}

function useRetry(): () => void {
  const bridge = useBridge();
  return () => {
    bridge.send({ type: 'wire.watch' }).catch(() => {});
  };
}

/** `/usr/bin/tcpdump` → `tcpdump`. */
const toolName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** What the live view and a replayed session's view share: the segments, their links and the export. */
export function WireWitness(props: { live: boolean; onRetry?: () => void }) {
  const { t } = useTranslation();
  const epoch = usePlayground((s) => s.epoch);
  const wire = usePlayground((s) => s.wire);
  const log = usePlayground((s) => s.log);
  const selectedSocket = usePlayground((s) => s.selection.key);
  const clear = usePlayground((s) => s.clearWire);
  const [calls, setCalls] = useState(true);
  const [only, setOnly] = useState(false);
  const status = wire.statusEpoch === epoch || !props.live ? wire.status : null;
  const socket = only ? selectedSocket : null;
  const since = status?.since;
  const rows = useMemo(
    () => wireRows(wire.entries, log, { calls, socket, ...(since === undefined ? {} : { since }) }),
    [wire.entries, log, calls, socket, since],
  );
  const linkedSegments = useSegmentsOfSelectedEvent();
  const linkedCalls = useEventsOfPickedSegment();
  const picked = wire.selected === null ? undefined : wire.entries.find((e) => segmentId(e) === wire.selected);
  const capture = wire.status?.capture;
  const snaplen = capture?.snaplen ?? 0;

  const exportPcap = () => {
    if (!capture) return;
    download(new Blob([pcapBytes(wire.entries, capture)], { type: 'application/vnd.tcpdump.pcap' }), pcapFileName());
  };

  return (
    <div className="wire" data-testid="wire-view">
      {props.live && <CaptureStatus status={status} onRetry={props.onRetry ?? (() => {})} />}
      <div className="wire__bar">
        <span className="wire__count" data-testid="wire-count">
          {t('wire.count', { count: wire.entries.length })}
        </span>
        {wire.notShown > 0 && (
          <span
            className="tag tag--warn"
            title={t('wire.notShownHint', { rate: status?.segmentsPerSecond ?? 0 })}
            data-testid="wire-not-shown"
          >
            {t('wire.notShown', { count: wire.notShown })}
          </span>
        )}
        {wire.dropped > 0 && <span className="tag">{t('wire.dropped', { count: wire.dropped })}</span>}
        <label className="toggle">
          <input type="checkbox" checked={calls} onChange={(e) => setCalls(e.target.checked)} />
          {t('wire.showCalls')}
        </label>
        <label className="toggle">
          <input
            type="checkbox"
            checked={only}
            disabled={selectedSocket === null}
            onChange={(e) => setOnly(e.target.checked)}
          />
          {t('wire.onlySelected')}
        </label>
        <div className="button-row wire__actions">
          <button
            type="button"
            className="button button--small"
            disabled={!capture || wire.entries.length === 0}
            title={t('wire.exportHint', { snaplen })}
            onClick={exportPcap}
            data-testid="wire-export"
          >
            {t('wire.exportPcap')}
          </button>
          {props.live && (
            <button type="button" className="button button--small" disabled={wire.entries.length === 0} onClick={clear}>
              {t('wire.clear')}
            </button>
          )}
        </div>
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t('wire.empty.title')}>
          {t('wire.empty.body')}
          {status?.capture && status.state === 'capturing' && (
            <> {t('wire.intro', { tool: toolName(status.capture.tool), interface: status.capture.interface })}</>
          )}
        </EmptyState>
      ) : (
        <WireTable rows={rows} linkedSegments={linkedSegments} linkedCalls={linkedCalls} />
      )}
      {picked && <SegmentDetails entry={picked} linked={linkedCalls} />}
    </div>
  );
}
