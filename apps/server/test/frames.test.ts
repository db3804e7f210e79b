import { BridgeTestClient, bridgeUrl, until } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_WS_PAYLOAD } from '../src/ws/bridge-server.ts';
import { usePlaygrounds } from '../testing/playground.ts';
import { isRefused } from './support/os.ts';

describe('WebSocket frames', () => {
  const pg = usePlaygrounds();

  it('never negotiates permessage-deflate, even when the client offers it', async () => {
    const p = await pg.start();
    const ws = new WebSocket(bridgeUrl(p), { perMessageDeflate: true, origin: `http://127.0.0.1:${p.port}` });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    expect(ws.extensions).toBe('');
    ws.close();
  });

  it('closes an oversized frame with 1009 and ends that session only', async () => {
    const p = await pg.start();
    const a = await pg.client(p);
    const b = await pg.client(p);
    const server = (await a.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const atLimit = `"${'x'.repeat(MAX_WS_PAYLOAD - 2)}"`;
    a.sendRaw(atLimit);
    expect(await a.nextReply()).toMatchObject({ ok: false, error: { code: 'bad_command' } });
    a.sendRaw('x'.repeat(MAX_WS_PAYLOAD + 1));
    expect(await a.closed).toBe(1009);
    await until(() => p.sessionCount() === 1, 'the oversized session is gone');
    expect(await isRefused(server.local!.port)).toBe(true);
    expect((await b.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket?.kind).toBe('tcp-server');
  });

  it('answers a binary frame with a typed bad_json reply and closes invalid UTF-8 text with 1007', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    c.sendRaw(Buffer.from([0x7b, 0x00, 0xff]));
    expect(await c.nextReply()).toMatchObject({ ok: false, re: null, error: { code: 'bad_json' } });
    c.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await c.closed).toBe(1007);
    await until(() => p.sessionCount() === 0, 'session gone');
    const fresh = await BridgeTestClient.open(p);
    expect(fresh.welcome).toBeDefined();
    await fresh.close();
  });
});
