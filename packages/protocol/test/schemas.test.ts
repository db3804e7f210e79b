import { describe, expect, it } from 'vitest';
import { Command, ServerMessage } from '../src/index.ts';

describe('command schemas', () => {
  it('fills in the seed defaults', () => {
    const cmd = Command.parse({ id: 1, type: 'tcp.listen', host: '127.0.0.1', port: 65432 });
    expect(cmd).toMatchObject({ backlog: 128, recvSize: 1024, behaviour: 'echo' });
  });

  it.each([
    { id: 1, type: 'tcp.listen', host: '127.0.0.1', port: 70000 },
    { id: 1, type: 'tcp.listen', host: '127.0.0.1', port: 1, recvSize: 0 },
    { id: 1, type: 'tcp.listen', host: '127.0.0.1', port: 1, recvSize: 65537 },
    { id: 1, type: 'tcp.connect', host: '', port: 1 },
    { id: 1, type: 'socket.send', socketId: 's1', data: { encoding: 'morse', value: '.-' } },
    { id: 1, type: 'tcp.end', socketId: 's1', extra: true },
    { type: 'tcp.end', socketId: 's1' },
  ])('refuses %j', (input) => {
    expect(Command.safeParse(input).success).toBe(false);
  });
});

describe('server messages', () => {
  it('accepts an event batch with base64 data and exact counters', () => {
    const msg = ServerMessage.parse({
      type: 'events',
      folded: 0,
      counters: { s2: { bytesIn: 4, bytesOut: 0, reads: 1, writes: 0 } },
      events: [
        { seq: 1, t: 0.5, socketId: 's2', kind: 'tcp-conn', type: 'recv', size: 4, data: 'aG9sYQ==', readNo: 1 },
      ],
    });
    expect(msg.type).toBe('events');
  });

  it('refuses an event of an unknown type', () => {
    const bad = {
      type: 'events',
      folded: 0,
      counters: {},
      events: [{ seq: 1, t: 0, socketId: 's1', kind: 'udp', type: 'teleport' }],
    };
    expect(ServerMessage.safeParse(bad).success).toBe(false);
  });
});
