import { z } from 'zod';
import { type VariantTable, variant } from './define.ts';

const socket = z.object({ socketId: z.string() });
const reason = z.object({ reason: z.string() });

/**
 * Commands the bridge could not read or carry out, keyed `code` or `code.variant`; a variant listed
 * first wins. A `why` or `reason` is the bridge's own English detail, which the page may leave out.
 */
export const COMMAND_ERRORS = {
  'bad_json.tooComplex': variant(reason, (p) => `The bridge does not read this message: ${p.reason}.`),
  'bad_json.notJson': variant(z.object({}), () => 'The message is not valid JSON.'),
  'bad_command.splitDuration': variant(
    z.object({ writes: z.number(), delayMs: z.number(), duration: z.number(), max: z.number() }),
    (p) =>
      `${p.writes} writes ${p.delayMs} ms apart would take ${p.duration} ms; one send may take at most ${p.max} ms.`,
  ),
  'bad_command.splitWrites': variant(
    z.object({ writes: z.number(), max: z.number() }),
    (p) =>
      `This split makes ${p.writes} writes; one send may make at most ${p.max}. Use larger pieces or fewer repetitions.`,
  ),
  'bad_command.notHost': variant(
    z.object({ host: z.string() }),
    (p) => `${JSON.stringify(p.host.slice(0, 80))} is neither an IP address nor a host name.`,
  ),
  'bad_command.unavailable': variant(
    z.object({ command: z.string() }),
    (p) => `${p.command} is not available on this bridge.`,
  ),
  'bad_command.framing': variant(
    z.object({ problems: z.string() }),
    (p) => `This framing cannot be used: ${p.problems}`,
  ),
  'bad_command.recvSize': variant(
    z.object({ recvSize: z.number(), min: z.number(), max: z.number() }),
    (p) => `The receive size must be a whole number of bytes from ${p.min} to ${p.max}, not ${p.recvSize}.`,
  ),
  'bad_command.invalid': variant(reason, (p) => p.reason),
  bad_payload: variant(reason, (p) => p.reason),
  unknown_socket: variant(socket, (p) => `There is no socket ${p.socketId} in this session.`),
  'wrong_socket_kind.notServer': variant(
    socket.extend({ kind: z.string(), reason: z.literal('notServer') }),
    (p) => `${p.socketId} is not a server: publish a TCP server or a UDP endpoint without a default peer.`,
  ),
  'wrong_socket_kind.other': variant(
    socket.extend({ kind: z.string(), why: z.string() }),
    (p) => `${p.socketId} is a ${p.kind} socket: ${p.why}`,
  ),
  'invalid_state.classClosed': variant(
    socket.extend({ reason: z.literal('closed') }),
    (p) => `${p.socketId} is closed, so the class cannot use it.`,
  ),
  'invalid_state.other': variant(socket.extend({ why: z.string() }), (p) => `${p.socketId} ${p.why}`),
  'invalid_state.gone': variant(z.object({}), () => 'The socket is already closed, so it cannot do that any more.'),
  unknown_student: variant(
    z.object({ studentId: z.string() }),
    (p) => `There is no student ${p.studentId} in this class.`,
  ),
  internal: variant(z.object({}), () => 'Something went wrong inside the playground. The other sockets keep working.'),
} satisfies VariantTable;
