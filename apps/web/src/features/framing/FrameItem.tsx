import { decodeJsonFrame, StructError, toHex, toPythonBytes, unpack } from '@playground/codec';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ByteLog } from '../../store/byteLog.ts';
import type { ReceiveFraming } from '../../store/labSettings.ts';
import { RecordBytes, StructTable } from '../struct/StructTable.tsx';
import type { FrameEntry } from './model/frameTracker.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The payload as text when it is UTF-8, else as Python would print the bytes. */
function asText(data: Uint8Array): string {
  try {
    return utf8.decode(data);
  } catch {
    return toPythonBytes(data);
  }
}

/** One complete frame: where it sits, what its header says, and its message decoded as chosen. */
export function FrameItem(props: { entry: FrameEntry; log: ByteLog; choice: ReceiveFraming }) {
  const { t } = useTranslation();
  const { entry, log, choice } = props;
  const { frame, base } = entry;
  const header = frame.header.end > frame.header.start;
  // A long stream may have dropped the prefix's bytes from the page; its value is still known.
  const headerKept = base + frame.header.start >= log.start;
  const headerHex =
    header && headerKept
      ? toHex(log.bytes.subarray(base + frame.header.start - log.base, base + frame.header.end - log.base))
      : '…';
  const chunks = choice.framing.kind === 'length-prefix' && choice.framing.unit === 'chunks';
  const facts = [
    t('frames.range', { start: base + frame.range.start, end: base + frame.range.end }),
    header && t(chunks ? 'frames.headerChunks' : 'frames.header', { hex: headerHex, value: frame.declaredLength ?? 0 }),
    t('frames.payloadBytes', { count: frame.data.length }),
    frame.padding.end > frame.padding.start && t('frames.padding', { count: frame.padding.end - frame.padding.start }),
    frame.trailer.end > frame.trailer.start && t('frames.trailer'),
  ].filter(Boolean);
  return (
    <li className="frame" data-testid="frame" data-frame={frame.index}>
      <p className="frame__head">
        <strong>{t('frames.frame', { no: frame.index })}</strong>
        <span className="frame__facts">{facts.join(' · ')}</span>
      </p>
      <Payload entry={entry} choice={choice} />
    </li>
  );
}

function Payload(props: { entry: FrameEntry; choice: ReceiveFraming }) {
  const { t } = useTranslation();
  const { frame } = props.entry;
  const { choice } = props;
  const json = useMemo(
    () => (choice.payload === 'json' ? decodeJsonFrame(choice.framing, frame) : null),
    [choice.payload, choice.framing, frame],
  );
  if (frame.data.length === 0) return <p className="frame__empty">{t('frames.emptyPayload')}</p>;
  if (choice.payload === 'struct') return <StructPayload data={frame.data} choice={choice} />;
  if (json) {
    return json.ok ? (
      <pre className="frame__json" data-testid="frame-json">
        {json.pretty}
      </pre>
    ) : (
      <div className="frame__problem">
        <strong>{t('frames.jsonInvalid')}</strong> {json.error.message}
      </div>
    );
  }
  return <pre className="frame__text">{asText(frame.data)}</pre>;
}

function StructPayload(props: { data: Uint8Array; choice: ReceiveFraming }) {
  const { t } = useTranslation();
  const [highlight, setHighlight] = useState<{ start: number; end: number } | null>(null);
  const result = useMemo(() => {
    try {
      return { value: unpack(props.choice.structFormat, props.data), problem: null };
    } catch (error) {
      if (error instanceof StructError) return { value: null, problem: error.message };
      throw error;
    }
  }, [props.choice.structFormat, props.data]);
  if (!result.value) return <p className="frame__problem">{t('struct.invalid', { reason: result.problem })}</p>;
  return (
    <div className="frame__struct">
      <RecordBytes record={props.data} unpacked={result.value} highlight={highlight} />
      <StructTable
        unpacked={result.value}
        record={props.data}
        names={props.choice.structNames ?? ''}
        highlight={highlight}
        onHighlight={setHighlight}
      />
    </div>
  );
}
