import { describe, expect, it } from 'vitest';
import { Command, FramingConfig, ServerMessage, SocketInfo } from '../src/index.ts';

const seed002Padded = {
  kind: 'length-prefix',
  width: 4,
  endian: 'big',
  unit: 'bytes',
  padTo: 60,
  padByte: 0,
  lengthIncludesPadding: true,
  maxLength: 1_048_576,
};

describe('framing on the wire', () => {
  it.each([
    { kind: 'raw' },
    { kind: 'delimiter', delimiter: [13, 10], maxLength: 65_536 },
    seed002Padded,
    { kind: 'length-prefix', width: 4, endian: 'little', unit: 'chunks', chunkSize: 4, maxLength: 1024 },
  ])('accepts %j', (framing) => {
    expect(FramingConfig.parse(framing)).toEqual(framing);
  });

  it.each([
    { kind: 'delimiter', delimiter: [], maxLength: 10 },
    { kind: 'delimiter', delimiter: [256], maxLength: 10 },
    { kind: 'length-prefix', width: 3, endian: 'big', unit: 'bytes', maxLength: 10 },
    { kind: 'length-prefix', width: 4, endian: 'middle', unit: 'bytes', maxLength: 10 },
    { ...seed002Padded, maxLength: 1_048_577 },
    { kind: 'raw', extra: 1 },
    { kind: 'fixed', size: 12 },
  ])('refuses %j', (framing) => {
    expect(FramingConfig.safeParse(framing).success).toBe(false);
  });

  it('lets a framed-json server carry its framing, and its connections show it', () => {
    const cmd = Command.parse({
      id: 1,
      type: 'tcp.listen',
      host: '127.0.0.1',
      port: 0,
      behaviour: 'framed-json',
      framing: seed002Padded,
    });
    expect(cmd).toMatchObject({ behaviour: 'framed-json', framing: { padTo: 60 } });
    const info = SocketInfo.parse({ id: 's2', kind: 'tcp-conn', recvSize: 60, framing: seed002Padded });
    expect(info.framing?.kind).toBe('length-prefix');
  });

  it.each(['upper', 'qotd', 'daytime', 'discard', 'chargen', 'framed-json'])('knows the behaviour %s', (behaviour) => {
    const cmd = Command.parse({ id: 1, type: 'udp.bind', host: '127.0.0.1', port: 0, behaviour });
    expect(cmd).toMatchObject({ behaviour });
  });
});

describe('split sends', () => {
  const send = { id: 1, type: 'socket.send', socketId: 's1', data: { encoding: 'text', value: 'hola' } };

  it('fills in a burst of one repetition', () => {
    expect(Command.parse({ ...send, split: { chunkSize: 1 } })).toMatchObject({
      split: { chunkSize: 1, delayMs: 0, repeat: 1 },
    });
  });

  it.each([
    { chunkSize: 0 },
    { chunkSize: 65_537 },
    { delayMs: 5001 },
    { delayMs: -1 },
    { repeat: 0 },
    { repeat: 1001 },
    { chunkSize: 4, burst: true },
  ])('refuses the split %j', (split) => {
    expect(Command.safeParse({ ...send, split }).success).toBe(false);
  });

  it('takes a framing to encode the message with', () => {
    expect(Command.parse({ ...send, framing: seed002Padded })).toMatchObject({ framing: { width: 4 } });
  });
});

describe('socket options', () => {
  it('has setNoDelay and pauseReading, each with a boolean', () => {
    expect(Command.parse({ id: 1, type: 'socket.setNoDelay', socketId: 's1', noDelay: true })).toBeTruthy();
    expect(Command.parse({ id: 1, type: 'socket.pauseReading', socketId: 's1', paused: false })).toBeTruthy();
    expect(Command.safeParse({ id: 1, type: 'socket.setNoDelay', socketId: 's1', noDelay: 1 }).success).toBe(false);
  });

  it('reports option changes as events', () => {
    const batch = {
      type: 'events',
      folded: 0,
      counters: {},
      events: [
        { seq: 1, t: 0, socketId: 's1', kind: 'tcp-client', type: 'no-delay', noDelay: true },
        { seq: 2, t: 0, socketId: 's1', kind: 'tcp-client', type: 'reading', paused: true },
      ],
    };
    expect(ServerMessage.safeParse(batch).success).toBe(true);
  });
});
