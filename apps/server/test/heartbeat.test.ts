import net from 'node:net';
import type { BridgeTestClient } from '@playground/testkit';
import { openDeafSession, pongFrame, textFrame, until } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { ManualClock, usePlaygrounds } from '../testing/index.ts';
import { isRefused } from './support/os.ts';

const HEARTBEAT_MS = 100;

/**
 * One heartbeat interval on the bridge's clock; then, for each page that answers, its ping seen and
 * its pong processed: ws answers a ping before anything it sends after it, so the reply to a command
 * sent once the ping arrived proves the bridge has read the pong.
 */
async function beat(clock: ManualClock, answering: BridgeTestClient[]): Promise<void> {
  const pinged = answering.map((c) => new Promise((resolve) => c.ws.once('ping', resolve)));
  clock.advance(HEARTBEAT_MS);
  await Promise.all(pinged);
  await Promise.all(answering.map((c) => c.request({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })));
}

describe('a browser that vanishes without a close frame', () => {
  const pg = usePlaygrounds();

  it('is detected by ping/pong within two intervals, and everything its session owned is closed', async () => {
    const clock = new ManualClock();
    const p = await pg.start({ heartbeatMs: HEARTBEAT_MS, clocks: { heartbeat: clock } });
    const gone = await pg.client(p);
    const stays = await pg.client(p);
    const server = (await gone.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const client = (await gone.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!;
    expect(client.kind).toBe('tcp-client');
    const kept = (await stays.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;

    // The tab freezes: its TCP connection stays up, but nothing is read, so no pong ever comes back.
    gone.ws.pause();
    await beat(clock, [stays]);
    expect(p.sessionCount()).toBe(2);
    await beat(clock, [stays]);
    await until(() => p.sessionCount() === 1, 'the silent session to end');
    expect(await isRefused(server.local!.port)).toBe(true);
    gone.ws.resume();
    expect(await gone.closed).toBe(1006);

    // The browser that answers pings is kept across many intervals.
    for (let i = 0; i < 5; i++) await beat(clock, [stays]);
    expect(p.sessionCount()).toBe(1);
    expect(await isRefused(kept.local!.port)).toBe(false);
  });

  it('counts only pongs that answer its own pings: unsolicited pongs from a page that never reads do not keep it', async () => {
    const clock = new ManualClock();
    const p = await pg.start({ heartbeatMs: HEARTBEAT_MS, clocks: { heartbeat: clock } });
    const deaf = await openDeafSession(p.port, p.token);
    await until(() => p.sessionCount() === 1, 'the session to open');
    // A command after the pongs marks when the bridge has read them: it connects here.
    const marks = net.createServer((s) => s.destroy());
    await new Promise<void>((resolve) => marks.listen(0, '127.0.0.1', resolve));
    const port = (marks.address() as net.AddressInfo).port;
    let marked = 0;
    marks.on('connection', () => marked++);
    try {
      for (let i = 1; i <= 2; i++) {
        clock.advance(HEARTBEAT_MS);
        // Pongs with an empty payload or a guessed one, then the mark.
        deaf.socket.write(pongFrame(Buffer.from('guess')));
        deaf.socket.write(pongFrame());
        deaf.socket.write(textFrame(JSON.stringify({ id: i, type: 'tcp.connect', host: '127.0.0.1', port })));
        await until(() => marked === i || p.sessionCount() === 0, 'the bridge to read the pongs');
        if (i === 1) expect(p.sessionCount()).toBe(1);
      }
      await until(() => p.sessionCount() === 0, 'the deaf session to end');
    } finally {
      deaf.socket.destroy();
      marks.close();
    }
  });
});
