import { describe, expect, it } from 'vitest';
import { Engine, type EngineEvent } from '../src/index.ts';

const program = { traceId: 'p1', pid: 7, name: 'mine.py' };

describe('external sockets: another process’s sockets, watched for a session', () => {
  it('are numbered with the engine’s, keep the time they happened (never after now), and count in the quota', async () => {
    let clock = 1000;
    const events: EngineEvent[] = [];
    const engine = new Engine({ onEvent: (e) => events.push(e), now: () => clock, maxSockets: 2 });
    try {
      clock = 1010;
      await engine.udpBind({ host: '127.0.0.1', port: 0 });
      const seen = engine.external('tcp-client', { recvSize: 1024, program }, 'program');
      seen.announce(4);
      seen.observe({ type: 'send', data: new Uint8Array([1, 2]), size: 70_000, writeNo: 1 }, 6);
      seen.observe({ type: 'state', state: 'established' }, 99);
      const mine = events.filter((e) => e.socketId === seen.id);
      expect(mine.map((e) => [e.type, e.t, e.witness])).toEqual([
        ['opened', 4, 'program'],
        ['send', 6, 'program'],
        ['state', 10, 'program'],
      ]);
      const first = mine[0]!.seq;
      expect(mine.map((e) => e.seq)).toEqual([first, first + 1, first + 2]);
      expect(engine.socketCount()).toBe(2);
      expect(() => engine.external('udp', { recvSize: 1024, program }, 'program')).toThrow(/2 open sockets/);
    } finally {
      await engine.closeAll();
    }
  });

  it('refuse the page’s commands, and leave the session marked untraced when nobody watches any more', async () => {
    const events: EngineEvent[] = [];
    const engine = new Engine({ onEvent: (e) => events.push(e) });
    const seen = engine.external('udp', { recvSize: 1024, program }, 'program');
    seen.announce(0);
    await expect(engine.close(seen.id)).rejects.toMatchObject({
      code: 'not_allowed',
      params: { reason: 'programSocket', pid: 7 },
    });
    expect(() => engine.setRecvSize(seen.id, 16)).toThrow(/belongs to mine.py \(pid 7\)/);
    await engine.closeAll();
    expect(events.at(-1)).toMatchObject({ type: 'closed', untraced: true, witness: 'program' });
    expect(engine.socketCount()).toBe(0);
  });
});
