import type { DelimiterFraming, FramingConfig, LengthPrefixFraming, RawFraming } from './types.ts';

/** The seeds set no limit; a receiver needs one, and a mebibyte is far beyond any lesson's message. */
const MAX_MESSAGE = 1_048_576;

export const rawFraming: RawFraming = { kind: 'raw' };

export const newlineFraming: DelimiterFraming = { kind: 'delimiter', delimiter: [0x0a], maxLength: 65_536 };

export const crlfFraming: DelimiterFraming = { kind: 'delimiter', delimiter: [0x0d, 0x0a], maxLength: 65_536 };

/**
 * Seed 002, "Ejemplo!": `json.dumps(mensaje).encode('utf-8')` padded with `b'\x00'` until
 * `len % TAMANO_CHUNK == 0` (TAMANO_CHUNK = 4), preceded by `numero_chunks.to_bytes(4, 'little')`.
 */
export const seed002ChunkCount: LengthPrefixFraming = {
  kind: 'length-prefix',
  width: 4,
  endian: 'little',
  unit: 'chunks',
  chunkSize: 4,
  padTo: 4,
  padByte: 0,
  lengthIncludesPadding: true,
  maxLength: MAX_MESSAGE,
};

/**
 * Seed 002, `Servidor.enviar` / `Cliente.enviar`: the JSON bytes padded with `b'\x00'` until
 * `len % 60 == 0`, preceded by `len(bytes_mensaje).to_bytes(4, byteorder='big')` — the length after
 * padding, so it is always a multiple of 60.
 */
export const seed002PaddedLength: LengthPrefixFraming = {
  kind: 'length-prefix',
  width: 4,
  endian: 'big',
  unit: 'bytes',
  padTo: 60,
  padByte: 0,
  lengthIncludesPadding: true,
  maxLength: MAX_MESSAGE,
};

export interface FramingPreset {
  readonly id: string;
  readonly label: string;
  readonly config: FramingConfig;
}

export const FRAMING_PRESETS: readonly FramingPreset[] = [
  { id: 'raw', label: 'None (raw reads)', config: rawFraming },
  { id: 'newline', label: 'Lines (\\n)', config: newlineFraming },
  { id: 'crlf', label: 'Lines (\\r\\n)', config: crlfFraming },
  { id: 'seed002-chunk-count', label: 'Seed 002: chunk count (4 bytes, little endian)', config: seed002ChunkCount },
  {
    id: 'seed002-padded-length',
    label: 'Seed 002: length, padded to 60 (4 bytes, big endian)',
    config: seed002PaddedLength,
  },
];
