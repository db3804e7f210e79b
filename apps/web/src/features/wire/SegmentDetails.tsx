import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import type { LogEntry } from '../../store/state.ts';
import { type EventRef, findLogEntry } from '../../store/wireLinks.ts';
import type { WireEntry } from '../../store/wireView.ts';
import { callText, flagsText, segmentNotes, windowText } from './describeSegment.ts';
import { endName } from './WireTable.tsx';

/** The picked segment in words, with the reads and writes its bytes were (each opens in the inspector). */
export function SegmentDetails(props: { entry: WireEntry; linked: ReadonlySet<EventRef> }) {
  const { t } = useTranslation();
  const log = usePlayground((s) => s.log);
  const sockets = usePlayground((s) => s.sockets);
  const select = usePlayground((s) => s.select);
  const selectSegment = usePlayground((s) => s.selectSegment);
  const { segment: s, epoch } = props.entry;
  const calls = [...props.linked]
    .map((ref) => {
      const at = ref.lastIndexOf('#');
      return findLogEntry(log, ref.slice(0, at), Number(ref.slice(at + 1)));
    })
    .filter((e): e is LogEntry => e !== undefined);
  const written = calls.filter((c) => c.event.type === 'send' || c.event.type === 'datagram-out');
  const read = calls.filter((c) => c.event.type === 'recv' || c.event.type === 'datagram-in');
  const unlinkable = s.length > 0 && s.transport === 'tcp' && s.tcp?.streamOffset === undefined;
  const stream = s.tcp?.streamOffset;
  const timestamp = s.tcp?.options.timestamp;
  const notes = [
    ...segmentNotes(t, s),
    ...(timestamp ? [t('wire.details.fields.timestamp', { value: timestamp.value, echoed: timestamp.echo })] : []),
  ];

  const list = (title: string, entries: LogEntry[], direction: 'sent' | 'received') =>
    entries.length > 0 && (
      <div className="wire__linked">
        <h4>{title}</h4>
        <ul>
          {entries.map((c) => (
            <li key={`${c.key}#${c.event.seq}`}>
              <button
                type="button"
                className="button button--small"
                title={t('wire.details.open')}
                onClick={() => select(c.key, { direction, seq: c.event.seq })}
                data-testid="wire-linked-call"
              >
                {endName(t, sockets, epoch, c.event.socketId, 0)} · {callText(t, c.event)}
              </button>
            </li>
          ))}
        </ul>
      </div>
    );

  return (
    <section className="wire__details" aria-label={t('wire.details.title', { n: s.n })} data-testid="wire-details">
      <div className="wire__details-head">
        <h3 className="wire__h">
          {t('wire.details.title', { n: s.n })} · {flagsText(s)}
        </h3>
        <button type="button" className="button button--small" onClick={() => selectSegment(null)}>
          {t('wire.details.close')}
        </button>
      </div>
      <p className="mono">
        {s.src.address}:{s.src.port} → {s.dst.address}:{s.dst.port}
      </p>
      <p>
        {s.tcp
          ? `${t('wire.details.fields.tcp', { seq: s.tcp.seq, ack: s.tcp.ack ?? '—', window: windowText(s) })} · `
          : `${t('wire.details.fields.udp', { length: s.length, src: s.src.port, dst: s.dst.port })} · `}
        {t('wire.details.fields.wire', { length: s.length, wireLength: s.wireLength })}
        {stream !== undefined &&
          s.length > 0 &&
          ` · ${t('wire.details.fields.stream', { from: stream, to: stream + s.length - 1 })}`}
      </p>
      {notes.length > 0 && <p className="wire__notes">{notes.join(' · ')}</p>}
      {s.length === 0 ? (
        <p className="wire__note">{t('wire.details.none')}</p>
      ) : unlinkable ? (
        <p className="wire__note">{t('wire.details.unlinked')}</p>
      ) : calls.length === 0 ? (
        <p className="wire__note">{t('wire.details.notInLog')}</p>
      ) : (
        <>
          {list(t('wire.details.wrote'), written, 'sent')}
          {list(t('wire.details.read'), read, 'received')}
        </>
      )}
    </section>
  );
}
