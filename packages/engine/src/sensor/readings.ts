import { type SensorField, type SensorRecordLayout, STRUCT_CODES, type StructValue } from '@playground/codec';

/**
 * Plausible random readings for a sensor record, chosen by each field's name and shaped by its
 * struct code (an integer code gets whole numbers within its range): what a learner's Python sensor
 * would fill in with `random.uniform` and a counter.
 */
export interface ReadingOptions {
  sensorId: number;
  random: () => number;
  /** Wall-clock milliseconds, for `timestamp` (Python's time.time() × 1000). */
  now: () => number;
}

type Generator = (seq: number) => StructValue;

export function readingsFor(layout: SensorRecordLayout, o: ReadingOptions): (seq: number) => StructValue[] {
  const generators = layout.fields.map((field) => generatorFor(field, fieldSize(layout, field), o));
  return (seq) => generators.map((g) => g(seq));
}

function fieldSize(layout: SensorRecordLayout, field: SensorField): number {
  const i = layout.fields.indexOf(field);
  const range = layout.layout.fields[i]?.range;
  return range ? range.end - range.start : 1;
}

/** A value that wanders slowly, like a real temperature, within [min, max]. */
function walk(random: () => number, start: number, step: number, min: number, max: number): () => number {
  let value = start + (random() - 0.5) * step * 4;
  return () => {
    value = Math.min(max, Math.max(min, value + (random() - 0.5) * step));
    return value;
  };
}

function generatorFor(field: SensorField, size: number, o: ReadingOptions): Generator {
  const { random } = o;
  const name = field.name.toLowerCase();
  const shape = (x: number) => fit(field, size, x);
  switch (name) {
    case 'seq':
      return (seq) => shape(seq);
    case 'sensor_id':
    case 'sensor':
    case 'id':
      return () => shape(o.sensorId);
    case 'timestamp':
    case 'time':
    case 'ts':
      return () => shape(o.now() / 1000);
    case 'temperature':
    case 'temp': {
      const next = walk(random, 21, 0.3, -10, 45);
      return () => shape(next());
    }
    case 'humidity': {
      const next = walk(random, 55, 0.8, 0, 100);
      return () => shape(next());
    }
    case 'pressure': {
      const next = walk(random, 1013, 0.5, 950, 1050);
      return () => shape(next());
    }
    case 'battery': {
      let level = 100;
      return () => {
        level = Math.max(0, level - random() * 0.02);
        return shape(level);
      };
    }
  }
  switch (field.kind) {
    case 'bool':
      return () => random() < 0.5;
    case 'char':
      return () => Uint8Array.of(97 + Math.floor(random() * 26));
    case 'bytes':
    case 'pascal':
      return () =>
        Uint8Array.from(
          { length: Math.max(0, field.kind === 'pascal' ? size - 1 : size) },
          () => 97 + Math.floor(random() * 26),
        );
    case 'int':
      return () => shape(random() * 1000);
    default:
      return () => Math.round(random() * 10_000) / 100;
  }
}

/** Whole numbers for integer codes, clamped to what the code holds; floats as they are. */
function fit(field: SensorField, size: number, x: number): StructValue {
  const info = STRUCT_CODES[field.code];
  if (info.kind === 'bool') return x !== 0;
  if (info.kind !== 'int') return x;
  const bits = size * 8;
  const min = info.signed ? -(2 ** (bits - 1)) : 0;
  const max = info.signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  const n = Math.round(x);
  if (bits >= 53) return BigInt(Math.max(min, Math.min(Number.MAX_SAFE_INTEGER, n)));
  return Math.min(max, Math.max(min, n));
}
