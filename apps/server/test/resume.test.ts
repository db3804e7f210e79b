import { CLOSE_RESUMED_ELSEWHERE } from '@playground/protocol';
import type { BridgeTestClient } from '@playground/testkit';
import { sleep, until } from '@playground/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlaygroundConfig } from '../src/config/config.ts';
import type { Playground } from '../src/index.ts';
import { joinToken, openSession, snapshots } from '../testing/classroom.ts';
import { usePlaygrounds } from '../testing/playground.ts';
import { isRefused } from './support/os.ts';

function useSessions() {
  const pg = usePlaygrounds();
  const opened: BridgeTestClient[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
  });
  return {
    start: (overrides: Partial<PlaygroundConfig> = {}) => pg.start(overrides),
    async open(p: Playground, token: string, options: { keep?: boolean; resume?: string } = {}) {
      const c = await openSession(p, token, options);
      opened.push(c);
      return c;
    },
    client: pg.client,
  };
}

/** The session starts closing when it leaves the count; its sockets follow within moments. */
async function refusedSoon(port: number): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!(await isRefused(port))) {
    if (Date.now() > deadline) throw new Error(`port ${port} still accepts connections`);
    await sleep(20);
  }
}

/** The network drops: no close frame, the bridge just sees the TCP connection die. */
async function cut(c: BridgeTestClient): Promise<void> {
  c.ws.terminate();
  await c.closed;
}

describe('resuming a session after a reload or a network drop', () => {
  const s = useSessions();

  it('keeps a kept session’s sockets through a drop; the next page resumes it with a snapshot and the events it missed', async () => {
    const p = await s.start({ mode: 'lan' });
    const token = await joinToken(p, 'Ada');
    const first = await s.open(p, token, { keep: true });
    expect(first.welcome).toMatchObject({ resumed: false, resumeGraceMs: 30_000 });
    const server = (await first.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize: 16 })).socket!;
    const client = (await first.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!;
    await first.ok({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value: 'before the drop' } });
    await first.waitFor(() => first.eventsOf(client.id, 'recv').length > 0, 2000, 'echo');
    const lastSeq = first.events.at(-1)!.seq;

    await cut(first);
    // While nobody is attached the sockets live on: the teacher can still reach Ada's server.
    const teacher = await s.client(p);
    const visitor = (await teacher.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!;
    await teacher.ok({ type: 'socket.send', socketId: visitor.id, data: { encoding: 'text', value: 'while away' } });
    await teacher.waitFor(() => teacher.eventsOf(visitor.id, 'recv').length > 0, 2000, 'echo while away');
    expect(p.sessionCount()).toBe(2);

    const second = await s.open(p, token, { keep: true, resume: first.welcome!.resumeToken! });
    expect(second.welcome).toMatchObject({ resumed: true, sessionId: first.welcome!.sessionId, name: 'Ada' });
    await second.waitFor(() => snapshots(second).length === 1, 2000, 'snapshot');
    const snapshot = snapshots(second)[0]!;
    expect(snapshot.sessionId).toBe(first.welcome!.sessionId);
    const states = Object.fromEntries(snapshot.sockets.map((x) => [x.socket.id, x.state]));
    expect(states).toMatchObject({
      [server.id]: 'listening',
      [client.id]: 'established',
      s3: 'established',
      s4: 'established',
    });
    expect(snapshot.sockets.find((x) => x.socket.id === client.id)?.counters).toMatchObject({
      bytesOut: 15,
      bytesIn: 15,
    });
    const missed = snapshot.events.filter((e) => e.seq > lastSeq);
    expect(missed.some((e) => e.type === 'accept' && e.connId === 's4')).toBe(true);
    expect(
      missed
        .filter((e) => e.type === 'recv' && e.socketId === 's4')
        .reduce((n, e) => n + (e.type === 'recv' ? e.size : 0), 0),
    ).toBe(10);

    // The same socket ids go on working.
    await second.ok({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value: 'after' } });
    await second.waitFor(() => second.eventsOf(client.id, 'recv').length > 0, 2000, 'echo after resuming');
  });

  it('ends a kept session nobody resumed after the grace period; a late page gets a new session', async () => {
    const p = await s.start({ resumeGraceMs: 300 });
    const first = await s.open(p, p.token, { keep: true });
    const server = (await first.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    await cut(first);
    await sleep(100);
    expect(await isRefused(server.local!.port)).toBe(false);
    await until(() => p.sessionCount() === 0, 'the grace period to end', 3000);
    await refusedSoon(server.local!.port);
    const late = await s.open(p, p.token, { keep: true, resume: first.welcome!.resumeToken! });
    expect(late.welcome).toMatchObject({ resumed: false });
    expect(late.welcome!.sessionId).not.toBe(first.welcome!.sessionId);
  });

  it('ends a session with its WebSocket unless the page asked to keep it', async () => {
    const p = await s.start();
    const page = await s.open(p, p.token);
    expect(page.welcome?.resumeGraceMs).toBe(0);
    const server = (await page.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    await cut(page);
    await until(() => p.sessionCount() === 0, 'session gone');
    await refusedSoon(server.local!.port);
  });

  it('resumes only for the same holder with the right secret', async () => {
    const p = await s.start({ mode: 'lan' });
    const ada = await joinToken(p, 'Ada');
    const bob = await joinToken(p, 'Bob');
    const first = await s.open(p, ada, { keep: true });
    await cut(first);
    const resumeToken = first.welcome!.resumeToken!;
    const forged = `${resumeToken.slice(0, -3)}abc`;
    const wrongSecret = await s.open(p, ada, { keep: true, resume: forged });
    expect(wrongSecret.welcome?.resumed).toBe(false);
    const otherStudent = await s.open(p, bob, { keep: true, resume: resumeToken });
    expect(otherStudent.welcome?.resumed).toBe(false);
    const teacher = await s.open(p, p.token, { keep: true, resume: resumeToken });
    expect(teacher.welcome?.resumed).toBe(false);
    const right = await s.open(p, ada, { keep: true, resume: resumeToken });
    expect(right.welcome).toMatchObject({ resumed: true, sessionId: first.welcome!.sessionId });
  });

  it('hands a session to the page that resumes it, telling the page that had it (close code 4001)', async () => {
    const p = await s.start();
    const first = await s.open(p, p.token, { keep: true });
    const server = (await first.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const second = await s.open(p, p.token, { keep: true, resume: first.welcome!.resumeToken! });
    expect(await first.closed).toBe(CLOSE_RESUMED_ELSEWHERE);
    expect(second.welcome?.resumed).toBe(true);
    expect(p.sessionCount()).toBe(1);
    expect(await isRefused(server.local!.port)).toBe(false);
  });
});
