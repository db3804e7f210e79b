import { sleep, until } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { usePlaygrounds } from '../testing/playground.ts';
import { isRefused } from './support/os.ts';
import { openDeafSession, pongFrame } from './support/raw-websocket.ts';

const HEARTBEAT_MS = 100;

describe('a browser that vanishes without a close frame', () => {
  const pg = usePlaygrounds();

  it('is detected by ping/pong within two intervals, and everything its session owned is closed', async () => {
    const p = await pg.start({ heartbeatMs: HEARTBEAT_MS });
    const gone = await pg.client(p);
    const stays = await pg.client(p);
    const server = (await gone.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const client = (await gone.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!;
    expect(client.kind).toBe('tcp-client');
    const kept = (await stays.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;

    // The tab freezes: its TCP connection stays up, but nothing is read, so no pong ever comes back.
    gone.ws.pause();
    const vanished = performance.now();
    await until(() => p.sessionCount() === 1, 'the silent session to end', 10 * HEARTBEAT_MS);
    expect(performance.now() - vanished).toBeLessThanOrEqual(2 * HEARTBEAT_MS + 60);
    expect(await isRefused(server.local!.port)).toBe(true);
    gone.ws.resume();
    expect(await gone.closed).toBe(1006);

    // The browser that answers pings is kept across many intervals.
    await new Promise((r) => setTimeout(r, 5 * HEARTBEAT_MS));
    expect(p.sessionCount()).toBe(1);
    expect(await isRefused(kept.local!.port)).toBe(false);
  });

  it('counts only pongs that answer its own pings: unsolicited pongs from a page that never reads do not keep it', async () => {
    const p = await pg.start({ heartbeatMs: HEARTBEAT_MS });
    const deaf = await openDeafSession(p.port, p.token);
    await until(() => p.sessionCount() === 1, 'the session to open');
    const started = performance.now();
    // Pongs every 20 ms (a tenth of the heartbeat), each with an empty payload or a guessed one.
    while (p.sessionCount() === 1 && performance.now() - started < 20 * HEARTBEAT_MS) {
      deaf.socket.write(pongFrame(Buffer.from('guess')));
      deaf.socket.write(pongFrame());
      await sleep(20);
    }
    expect(p.sessionCount()).toBe(0);
    expect(performance.now() - started).toBeLessThanOrEqual(3 * HEARTBEAT_MS + 100);
    deaf.socket.destroy();
  });
});
