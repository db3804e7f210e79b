import { z } from 'zod';
import { MAX_CHUNK_SIZE } from './rules.ts';

/**
 * How a socket finds messages in its byte stream: the one definition, validated on the wire with
 * bounds a session can afford. The codec's framing works on these same types (framing/types.ts).
 */

/** The largest message a framed receiver waits for: the codec's presets use a mebibyte too. */
export const MAX_FRAME_LENGTH = 1_048_576;

const ByteValue = z.number().int().min(0).max(255);

export const RawFraming = z.object({ kind: z.literal('raw') }).strict();

export const DelimiterFraming = z
  .object({
    kind: z.literal('delimiter'),
    /** The bytes that end every message: [10] for `\n`, [13, 10] for `\r\n`, or any sequence. */
    delimiter: z.array(ByteValue).min(1).max(16).readonly(),
    maxLength: z.number().int().min(0).max(MAX_FRAME_LENGTH),
  })
  .strict();

export const LengthPrefixFraming = z
  .object({
    kind: z.literal('length-prefix'),
    width: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(8)]),
    endian: z.enum(['big', 'little']),
    /** What the prefix counts: bytes, or chunks of `chunkSize` bytes (seed 002's first protocol). */
    unit: z.enum(['bytes', 'chunks']),
    chunkSize: z.number().int().min(1).max(MAX_CHUNK_SIZE).optional(),
    /** Pad each message with `padByte` to a multiple of this many bytes. */
    padTo: z.number().int().min(1).max(MAX_CHUNK_SIZE).optional(),
    padByte: ByteValue.optional(),
    lengthIncludesPadding: z.boolean().optional(),
    maxLength: z.number().int().min(0).max(MAX_FRAME_LENGTH),
  })
  .strict();

export const FramingConfig = z.discriminatedUnion('kind', [RawFraming, DelimiterFraming, LengthPrefixFraming]);
export type FramingConfig = z.infer<typeof FramingConfig>;
export type RawFraming = z.infer<typeof RawFraming>;
export type DelimiterFraming = z.infer<typeof DelimiterFraming>;
export type LengthPrefixFraming = z.infer<typeof LengthPrefixFraming>;
