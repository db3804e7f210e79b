import {
  createFrameDecoder,
  type DecodedFrame,
  encodeJsonFrame,
  type FramingConfig,
  JsonDecodeError,
  JsonValueError,
  pythonJsonLoads,
  pythonStr,
  seed002PaddedLength,
} from '@playground/codec';
import {
  type BehaviourOptions,
  type DatagramBehaviour,
  endWhenPeerEnds,
  type StreamBehaviour,
  type StreamPeer,
} from './types.ts';

/** The framing a framed-json server uses when none is chosen: seed 002's `Servidor` (length, padded to 60). */
export const DEFAULT_SERVER_FRAMING: FramingConfig = seed002PaddedLength;

/**
 * What seed 002's server makes of one message: `bytes_mensaje.strip(b'\x00')`, `json.loads()` of
 * that, and `f'Respuesta asociada al mensaje {mensaje}'` — `''` for what is not JSON, as its
 * `decodificar_mensaje` returns. Undefined where json.loads raises another error (bytes that are
 * not text): the seed does not catch it, so its thread for that client dies without answering.
 */
export function seed002Answer(message: Uint8Array): string | undefined {
  let start = 0;
  let end = message.length;
  while (start < end && message[start] === 0) start++;
  while (end > start && message[end - 1] === 0) end--;
  try {
    return `Respuesta asociada al mensaje ${pythonStr(pythonJsonLoads(message.subarray(start, end)))}`;
  } catch (err) {
    if (err instanceof JsonDecodeError) return 'Respuesta asociada al mensaje ';
    if (err instanceof JsonValueError) return undefined;
    throw err;
  }
}

/**
 * The answer to one frame, sent back as JSON (`json.dumps`, so a JSON string) in the same framing.
 * Undefined when there is none, or the framing cannot carry it (too long for its limit).
 */
export function framedJsonReply(framing: FramingConfig, frame: DecodedFrame): Uint8Array | undefined {
  const answer = seed002Answer(frame.data);
  if (answer === undefined) return undefined;
  try {
    return encodeJsonFrame(framing, answer);
  } catch {
    return undefined;
  }
}

/**
 * Seed 002's server over one TCP connection: the codec's decoder finds the frames however the
 * reads cut them, and every complete frame is answered. A length prefix the decoder cannot trust
 * stops it for good (there is nothing to resynchronise on), so later bytes go unanswered.
 */
export const tcpFramedJson = (options: BehaviourOptions): StreamBehaviour => {
  const framing = options.framing ?? DEFAULT_SERVER_FRAMING;
  const decoder = createFrameDecoder(framing);
  const answer = (conn: StreamPeer, frames: readonly DecodedFrame[]) => {
    for (const frame of frames) {
      const reply = framedJsonReply(framing, frame);
      if (reply && conn.writable) conn.writeBack(reply);
    }
  };
  return {
    recv: (conn, piece) => answer(conn, decoder.push(piece).frames),
    fin: (conn) => {
      answer(conn, decoder.end().frames);
      endWhenPeerEnds(conn);
    },
  };
};

/** Over UDP each datagram is a stream of its own: its frames are answered, one datagram each. */
export const udpFramedJson = (options: BehaviourOptions): DatagramBehaviour => {
  const framing = options.framing ?? DEFAULT_SERVER_FRAMING;
  return {
    datagram: (socket, data, from) => {
      const decoder = createFrameDecoder(framing);
      for (const frame of [...decoder.push(data).frames, ...decoder.end().frames]) {
        const reply = framedJsonReply(framing, frame);
        if (reply) socket.sendBack(reply, from);
      }
    },
  };
};
