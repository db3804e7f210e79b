import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import { defaultReceiveFraming, type InspectorView, type ReceiveFraming } from '../../store/labSettings.ts';
import type { Direction, SocketEntry } from '../../store/state.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { FramesView } from '../framing/FramesView.tsx';
import { serverFramingOf } from '../framing/serverFraming.ts';
import { useFrames } from '../framing/useFrames.ts';
import { RibbonView } from '../ribbon/RibbonView.tsx';
import { StructView } from '../struct/StructView.tsx';
import '../../ui/labNote.css';

/**
 * The inspector's lab views of one direction of one socket. They share the socket's framing
 * choice (kept in the store) and one incremental decode of its bytes.
 */
export function LabView(props: { entry: SocketEntry; direction: Direction; view: Exclude<InspectorView, 'hex'> }) {
  const { t } = useTranslation();
  const { entry, direction, view } = props;
  const stored = usePlayground((s) => s.lab.framing[entry.key]);
  const setReceiveFraming = usePlayground((s) => s.setReceiveFraming);
  const sent = usePlayground((s) => s.lab.sentFraming[entry.key]);
  const server = usePlayground((s) => serverFramingOf(s.sockets, s.order, entry));
  const fallback = useMemo(() => defaultReceiveFraming(entry.info, { server, sent }), [entry.info, server, sent]);
  const choice = stored ?? fallback;
  const onChoice = useCallback(
    (next: ReceiveFraming) => setReceiveFraming(entry.key, next),
    [entry.key, setReceiveFraming],
  );
  const log = direction === 'received' ? entry.received : entry.sent;
  const datagrams = entry.info.kind === 'udp';
  const frames = useFrames(log, choice.framing, datagrams);

  if (view === 'ribbon') {
    if (log.end === 0) return <EmptyState>{t(`inspector.noBytes.${direction}`)}</EmptyState>;
    return <RibbonView entry={entry} direction={direction} frames={frames} framed={choice.framing.kind !== 'raw'} />;
  }
  if (view === 'frames') {
    return (
      <>
        {log.end === 0 && <p className="lab-note">{t(`frames.empty.${direction}`)}</p>}
        <FramesView log={log} frames={frames} choice={choice} datagrams={datagrams} onChoice={onChoice} />
      </>
    );
  }
  return <StructView log={log} frames={frames} choice={choice} onChoice={onChoice} />;
}
