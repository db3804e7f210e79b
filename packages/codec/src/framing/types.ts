/**
 * Framings are plain data so a socket's choice can travel over the wire protocol and be stored:
 * their one definition is the protocol's schema. TCP delivers a byte stream (N writes may arrive as
 * M reads); a framing is how a receiver finds the messages in it again.
 */
import type { FramingConfig, LengthPrefixFraming } from '@playground/protocol';
import type { ByteRange } from '../range.ts';

export type { DelimiterFraming, FramingConfig, LengthPrefixFraming, RawFraming } from '@playground/protocol';
export type Endian = LengthPrefixFraming['endian'];
export type PrefixWidth = LengthPrefixFraming['width'];

/** One complete message found in the stream. All ranges are stream offsets; unused parts are empty ranges. */
export interface DecodedFrame {
  /** 0 for the first frame of the stream. */
  readonly index: number;
  /** The whole frame: header, payload, padding and trailer. */
  readonly range: ByteRange;
  /** The length prefix. */
  readonly header: ByteRange;
  /** The message itself. */
  readonly payload: ByteRange;
  readonly padding: ByteRange;
  /** The delimiter that ended the message. */
  readonly trailer: ByteRange;
  /** The payload bytes. */
  readonly data: Uint8Array;
  /** The number the prefix holds (in bytes or chunks), for "0e 00 00 00 = 14 chunks". */
  readonly declaredLength?: number;
}

/** The frame still arriving, for "23 of 64 bytes". */
export interface PartialFrame {
  readonly start: number;
  /** Bytes of this frame received so far, header included. */
  readonly have: number;
  /** Size of the whole frame, once the header has said it. */
  readonly need?: number;
  readonly headerLength: number;
  readonly description: string;
}

export type FrameErrorCode = 'too-long' | 'bad-length' | 'bad-padding' | 'truncated' | 'invalid-json';

export interface FrameError {
  readonly code: FrameErrorCode;
  /** One sentence for a learner: what is wrong, and what it probably means. */
  readonly message: string;
  /** The bytes the error is about. */
  readonly range: ByteRange;
  /** True when the decoder stopped because of it: every later byte is left undecoded. */
  readonly fatal: boolean;
  /** The frame it concerns, when the frame itself could still be delimited. */
  readonly frameIndex?: number;
}

/**
 * `reading`: all fine. `skipping`: a delimiter decoder is dropping an over-long message until the
 * next delimiter. `stopped`: a length-prefix decoder met a length it cannot trust and decodes no
 * further. `ended`: the stream is over.
 */
export type DecoderState = 'reading' | 'skipping' | 'stopped' | 'ended';

/** What one push (or the end of the stream) produced. */
export interface DecodeStep {
  readonly frames: DecodedFrame[];
  readonly errors: FrameError[];
  /** The frame in progress after this step, if any. */
  readonly partial?: PartialFrame;
  readonly state: DecoderState;
  /** Bytes received so far; the stream offset of the next byte. */
  readonly offset: number;
}

export interface FrameDecoder {
  readonly config: FramingConfig;
  push(chunk: Uint8Array): DecodeStep;
  /** The peer closed (FIN): reports a frame left unfinished. Pushing afterwards is a programming error. */
  end(): DecodeStep;
}
