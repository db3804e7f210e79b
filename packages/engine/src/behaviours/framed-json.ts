import {
  createFrameDecoder,
  type DecodedFrame,
  decodeJsonFrame,
  encodeJsonFrame,
  type FramingConfig,
  seed002PaddedLength,
} from '@playground/codec';
import { pythonStr } from './python-str.ts';
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
 * Seed 002's `manejar_mensaje_recibido`: `f'Respuesta asociada al mensaje {mensaje}'`, sent back as
 * JSON (`json.dumps`, so a JSON string) in the same framing. A message that is not valid JSON counts
 * as `''`, as the seed's `decodificar_mensaje` returns. Undefined when the framing cannot carry the
 * answer (too long for its limit), which the server then leaves unanswered.
 */
export function framedJsonReply(framing: FramingConfig, frame: DecodedFrame): Uint8Array | undefined {
  const json = decodeJsonFrame(framing, frame);
  const message = json.ok ? json.value : '';
  try {
    return encodeJsonFrame(framing, `Respuesta asociada al mensaje ${pythonStr(message)}`);
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
