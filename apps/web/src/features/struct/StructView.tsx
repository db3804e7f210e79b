import { type ByteRange, StructError, structLayout, unpack } from '@playground/codec';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ByteLog } from '../../store/byteLog.ts';
import type { ReceiveFraming } from '../../store/labSettings.ts';
import type { FramesResult } from '../framing/model/frameTracker.ts';
import { RecordBytes, StructTable } from './StructTable.tsx';
import '../../ui/labNote.css';
import './struct.css';

type Source = 'stream' | 'frames';

interface StructRecord {
  bytes: Uint8Array;
  /** Offset of its first byte among the bytes the page kept. */
  start: number;
}

/** Records back to back from the stream's first byte, as a reader looping on recv_exactly(calcsize) sees them. */
function streamRecords(log: ByteLog, size: number): { records: StructRecord[]; have: number } {
  const first = Math.ceil(log.start / size) * size;
  const records: StructRecord[] = [];
  let at = first;
  for (; at + size <= log.end; at += size)
    records.push({ bytes: log.bytes.subarray(at - log.base, at - log.base + size), start: at });
  return { records, have: log.end - Math.max(at, log.start) };
}

/**
 * The struct view: binary records unpacked with a Python format, a table of named fields, and the
 * record's bytes with the pointed field's bytes lit. Records come from the stream back to back or
 * from each frame's payload.
 */
export function StructView(props: {
  log: ByteLog;
  frames: FramesResult;
  choice: ReceiveFraming;
  onChoice(choice: ReceiveFraming): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { log, frames, choice } = props;
  const framed = choice.framing.kind !== 'raw';
  const [source, setSource] = useState<Source>(framed ? 'frames' : 'stream');
  const [picked, setPicked] = useState<number | null>(null);
  const [highlight, setHighlight] = useState<ByteRange | null>(null);
  const layout = useMemo(() => {
    try {
      return { size: structLayout(choice.structFormat).size, problem: null };
    } catch (error) {
      if (error instanceof StructError) return { size: 0, problem: error.message };
      throw error;
    }
  }, [choice.structFormat]);

  const { records, have } = useMemo((): { records: StructRecord[]; have: number } => {
    if (layout.size === 0) return { records: [], have: 0 };
    if (source === 'frames' && framed) {
      return {
        records: frames.frames.map((f) => ({ bytes: f.frame.data, start: f.base + f.frame.payload.start })),
        have: 0,
      };
    }
    return streamRecords(log, layout.size);
  }, [layout.size, source, framed, frames, log]);

  const index = Math.min(picked ?? records.length - 1, records.length - 1);
  const record = records[index];
  const unpacked = useMemo(() => {
    if (!record) return null;
    try {
      return { value: unpack(choice.structFormat, record.bytes), problem: null };
    } catch (error) {
      if (error instanceof StructError) return { value: null, problem: error.message };
      throw error;
    }
  }, [record, choice.structFormat]);

  return (
    <div className="struct-view">
      <div className="struct-view__controls">
        <div className="field">
          <label htmlFor={`${id}-format`}>{t('struct.format')}</label>
          <input
            type="text"
            id={`${id}-format`}
            name="structFormat"
            className="mono"
            value={choice.structFormat}
            spellCheck={false}
            onChange={(e) => props.onChoice({ ...choice, structFormat: e.target.value })}
          />
        </div>
        <div className="field field--grow">
          <label htmlFor={`${id}-names`}>{t('struct.names')}</label>
          <input
            type="text"
            id={`${id}-names`}
            value={choice.structNames ?? ''}
            placeholder={t('struct.namesPlaceholder')}
            onChange={(e) => props.onChoice({ ...choice, structNames: e.target.value })}
          />
        </div>
        {framed && (
          <div className="field">
            <label htmlFor={`${id}-source`}>{t('struct.unpack.source')}</label>
            <select id={`${id}-source`} value={source} onChange={(e) => setSource(e.target.value as Source)}>
              <option value="stream">{t('struct.unpack.sources.stream')}</option>
              <option value="frames">{t('struct.unpack.sources.frames')}</option>
            </select>
          </div>
        )}
      </div>
      {layout.problem && <p className="inline-error">{t('struct.invalid', { reason: layout.problem })}</p>}
      {!layout.problem && records.length === 0 && (
        <p className="lab-note">{t('struct.unpack.none', { size: layout.size })}</p>
      )}
      {record && (
        <>
          <div className="struct-view__record">
            <label htmlFor={`${id}-record`}>{t('struct.unpack.record')}</label>
            <input
              id={`${id}-record`}
              type="number"
              min={1}
              max={records.length}
              value={index + 1}
              onChange={(e) => setPicked(Math.max(0, Math.min(records.length - 1, Number(e.target.value) - 1)))}
            />
            <span>
              {t('struct.unpack.recordOf', {
                no: index + 1,
                count: records.length,
                start: record.start,
                end: record.start + record.bytes.length,
              })}
            </span>
          </div>
          {unpacked?.problem && <p className="inline-error">{t('struct.invalid', { reason: unpacked.problem })}</p>}
          {unpacked?.value && (
            <>
              <RecordBytes record={record.bytes} unpacked={unpacked.value} highlight={highlight} />
              <StructTable
                unpacked={unpacked.value}
                record={record.bytes}
                names={choice.structNames ?? ''}
                highlight={highlight}
                onHighlight={setHighlight}
              />
              <p className="field__hint">{t('struct.unpack.hoverHint')}</p>
            </>
          )}
        </>
      )}
      {source === 'stream' && have > 0 && (
        <p className="lab-note">{t('struct.unpack.incomplete', { have, need: layout.size })}</p>
      )}
    </div>
  );
}
