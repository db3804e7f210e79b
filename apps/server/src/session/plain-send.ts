import { CommandId, type CommandOf, Payload, PayloadEncoding, SocketId } from '@playground/protocol';

type SocketSend = CommandOf<'socket.send'>;

// The bounds are read off the schemas, so this check cannot drift from them.
const ENCODINGS: ReadonlySet<string> = new Set(PayloadEncoding.options);
const MAX_ID_CHARS = (CommandId.options[0] as typeof SocketId).maxLength ?? 0;
const MIN_SOCKET_ID_CHARS = SocketId.minLength ?? 0;
const MAX_SOCKET_ID_CHARS = SocketId.maxLength ?? 0;
const MAX_PAYLOAD_CHARS = Payload.shape.value.maxLength ?? 0;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The command a page sends most, a plain `socket.send` (an id, a socket, a payload and nothing
 * else), checked by hand: zod's walk over the discriminated union was about a tenth of the bridge's
 * JavaScript per round trip. Only what `Command.safeParse` accepts can pass here, and it comes out
 * the same (test/plain-send.test.ts compares them on generated input); anything else (a key more
 * or less, a wrong type, a value out of bounds, any optional field) is undefined here and goes to
 * zod, which decides it and words the error as before.
 */
export function plainSend(json: unknown): SocketSend | undefined {
  if (!isRecord(json) || json.type !== 'socket.send') return undefined;
  const { id, socketId, data } = json;
  if (typeof id === 'string' ? id.length > MAX_ID_CHARS : !Number.isSafeInteger(id)) return undefined;
  if (typeof socketId !== 'string' || socketId.length < MIN_SOCKET_ID_CHARS || socketId.length > MAX_SOCKET_ID_CHARS)
    return undefined;
  if (!isRecord(data)) return undefined;
  const { encoding, value } = data;
  if (typeof encoding !== 'string' || !ENCODINGS.has(encoding)) return undefined;
  if (typeof value !== 'string' || value.length > MAX_PAYLOAD_CHARS) return undefined;
  // Exactly these keys: zod's objects are strict, so anything more is its call (and its error).
  if (Object.keys(json).length !== 4 || Object.keys(data).length !== 2) return undefined;
  return {
    id: id as SocketSend['id'],
    type: 'socket.send',
    socketId,
    data: { encoding: encoding as SocketSend['data']['encoding'], value },
  };
}
