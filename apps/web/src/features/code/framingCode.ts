import { type FramingConfig, prefixPlan, toPythonBytes } from '@playground/codec';

/**
 * A framing as code: `frame(message)` for the sender and a reader that cuts the byte stream into
 * messages however recv() cut it, in Python and in Node.js. The same rules as the codec's encoder
 * and decoder (a length prefix counting bytes or chunks, padding, a delimiter), written out.
 */

const pyBytes = (bytes: readonly number[]) => toPythonBytes(Uint8Array.from(bytes));
const jsBytes = (bytes: readonly number[]) =>
  `Buffer.from('${bytes.map((b) => b.toString(16).padStart(2, '0')).join('')}', 'hex')`;

/**
 * Python: constants and `frame(message)`, then for a stream `class Frames` (its `next()` returns the
 * next message), or for datagrams `unframe(datagram)` (each datagram carries one frame).
 */
export function pythonFraming(config: FramingConfig, recvSize: number, datagrams = false): string {
  const reader = (next: string) => `class Frames:
    """Cuts the byte stream into messages, however recv() cuts it."""

    def __init__(self, s):
        self.s, self.rest = s, b''

    def more(self):
        piece = self.s.recv(${recvSize})
        if not piece:
            raise ConnectionError('the other side closed the connection')
        self.rest += piece

${next}`;
  const read = (stream: string, datagram: string) => (datagrams ? datagram : reader(stream));
  switch (config.kind) {
    case 'raw':
      return `def frame(message):
    return message  # no framing: every ${datagrams ? 'datagram' : 'recv()'} is one message


${read(
  `    def next(self):
        self.more()
        message, self.rest = self.rest, b''
        return message`,
  `def unframe(datagram):
    return datagram`,
)}`;
    case 'delimiter':
      return `DELIMITER = ${pyBytes(config.delimiter)}


def frame(message):
    return message + DELIMITER


${read(
  `    def next(self):
        while DELIMITER not in self.rest:
            self.more()
        message, _, self.rest = self.rest.partition(DELIMITER)
        return message`,
  `def unframe(datagram):
    return datagram.partition(DELIMITER)[0]`,
)}`;
    case 'length-prefix': {
      const plan = prefixPlan(config);
      const order = plan.littleEndian ? 'little' : 'big';
      const size = (from: string) =>
        `size = int.from_bytes(${from}, '${order}') * UNIT${plan.includesPadding ? '' : '\n    size += -size % PAD_TO'}`;
      const strip = plan.padTo > 1 ? '.rstrip(PAD)' : '';
      return `PREFIX_BYTES = ${plan.width}  # the length prefix, ${order} endian
UNIT = ${plan.unitSize}  # the prefix counts ${plan.unitSize === 1 ? 'bytes' : `chunks of ${plan.unitSize} bytes`}
PAD_TO = ${plan.padTo}  # every message is padded to a multiple of this many bytes
PAD = ${pyBytes([plan.padByte])}


def frame(message):
    padding = PAD * (-len(message) % PAD_TO)
    counted = ${plan.includesPadding ? 'len(message) + len(padding)' : 'len(message)'}
    return (counted // UNIT).to_bytes(PREFIX_BYTES, '${order}') + message + padding


${read(
  `    def take(self, n):
        while len(self.rest) < n:
            self.more()
        data, self.rest = self.rest[:n], self.rest[n:]
        return data

    def next(self):
${indent(size('self.take(PREFIX_BYTES)'), '        ')}
        return self.take(size)${strip}`,
  `def unframe(datagram):
${indent(size('datagram[:PREFIX_BYTES]'), '    ')}
    return datagram[PREFIX_BYTES:PREFIX_BYTES + size]${strip}`,
)}`;
    }
  }
}

/** Every non-empty line of `text` indented `by`. */
export const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n');

/** Node.js: `frame(message)` and `cut(buffer)`, which returns the messages complete so far and the rest. */
export function nodeFraming(config: FramingConfig): string {
  switch (config.kind) {
    case 'raw':
      return `// No framing: every chunk that arrives is one message.
const frame = (message) => message;
const cut = (buffer) => ({ messages: buffer.length ? [buffer] : [], rest: Buffer.alloc(0) });`;
    case 'delimiter':
      return `const DELIMITER = ${jsBytes(config.delimiter)};
const frame = (message) => Buffer.concat([message, DELIMITER]);

function cut(buffer) {
  const messages = [];
  let at;
  while ((at = buffer.indexOf(DELIMITER)) !== -1) {
    messages.push(buffer.subarray(0, at));
    buffer = buffer.subarray(at + DELIMITER.length);
  }
  return { messages, rest: buffer };
}`;
    case 'length-prefix': {
      const plan = prefixPlan(config);
      const end = plan.littleEndian ? 'LE' : 'BE';
      // Buffer reads widths up to 6 as numbers; 8 needs a BigInt.
      const read = (at: string) =>
        plan.width === 8 ? `Number(buffer.readBigUInt64${end}(${at}))` : `buffer.readUInt${end}(${at}, PREFIX_BYTES)`;
      const write =
        plan.width === 8
          ? `prefix.writeBigUInt64${end}(BigInt(counted / UNIT))`
          : `prefix.writeUInt${end}(counted / UNIT, 0, PREFIX_BYTES)`;
      return `const PREFIX_BYTES = ${plan.width}; // the length prefix, ${plan.littleEndian ? 'little' : 'big'} endian
const UNIT = ${plan.unitSize}; // the prefix counts ${plan.unitSize === 1 ? 'bytes' : `chunks of ${plan.unitSize} bytes`}
const PAD_TO = ${plan.padTo}; // every message is padded to a multiple of this many bytes
const PAD = ${plan.padByte};

function frame(message) {
  const padding = Buffer.alloc((PAD_TO - (message.length % PAD_TO)) % PAD_TO, PAD);
  const counted = ${plan.includesPadding ? 'message.length + padding.length' : 'message.length'};
  const prefix = Buffer.alloc(PREFIX_BYTES);
  ${write};
  return Buffer.concat([prefix, message, padding]);
}

function cut(buffer) {
  const messages = [];
  while (buffer.length >= PREFIX_BYTES) {
    let size = ${read('0')} * UNIT;${plan.includesPadding ? '' : '\n    size += (PAD_TO - (size % PAD_TO)) % PAD_TO;'}
    if (buffer.length < PREFIX_BYTES + size) break;
    let message = buffer.subarray(PREFIX_BYTES, PREFIX_BYTES + size);
    while (PAD_TO > 1 && message.length > 0 && message[message.length - 1] === PAD) message = message.subarray(0, -1);
    messages.push(message);
    buffer = buffer.subarray(PREFIX_BYTES + size);
  }
  return { messages, rest: buffer };
}`;
    }
  }
}
