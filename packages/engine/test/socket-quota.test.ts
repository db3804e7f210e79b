import { once } from 'node:events';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { Engine } from '../src/index.ts';
import { Recorder, until } from './helpers.ts';

describe('the socket quota for accepted connections', () => {
  it('resets a connection beyond maxSockets, reports it on the server, and keeps listening', async () => {
    const rec = new Recorder();
    const engine = new Engine({ onEvent: rec.sink, maxSockets: 2 });
    const peers: net.Socket[] = [];
    const dial = (port: number) => {
      const s = net.connect({ host: '127.0.0.1', port });
      s.on('error', () => {});
      peers.push(s);
      return s;
    };
    try {
      const server = await engine.tcpListen({ host: '127.0.0.1', port: 0, behaviour: 'none' });
      const port = server.local!.port;
      const first = dial(port);
      await rec.next(server.id, 'accept');
      const refused = dial(port);
      const [err] = (await once(refused, 'error')) as [NodeJS.ErrnoException];
      expect(err.code).toBe('ECONNRESET');
      const report = await rec.next(server.id, 'error');
      expect(report.error).toMatchObject({ code: 'quota', params: { limit: 'maxSockets', max: 2, host: '127.0.0.1' } });
      expect(engine.sockets()).toHaveLength(2);

      first.destroy();
      const [conn] = rec.of(server.id, 'accept');
      await rec.next(conn!.connId, 'fin-received');
      await engine.close(conn!.connId);
      dial(port);
      await until(() => rec.of(server.id, 'accept').length === 2, 'a connection after one closed');
      await engine.close(server.id);
      expect(rec.of(server.id, 'closed')[0]?.hadError).toBe(false);
      expect(rec.violations).toEqual([]);
    } finally {
      for (const p of peers) p.destroy();
      await engine.closeAll();
    }
  });
});
