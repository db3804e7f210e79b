import { describe, expect, it } from 'vitest';
import type { CommandBody } from '../src/bridge/client.ts';
import {
  countSetup,
  decodeSetup,
  encodeSetup,
  recreateSetup,
  setupOf,
  takeSetup,
} from '../src/features/share/setupLink.ts';
import { connectedStore } from './support/render.tsx';
import { batch, client, conn, endpoint, server, Wire } from './support/wire.ts';

describe('a setup link', () => {
  it('carries the servers and clients (never data), clients pointing at their server by index', () => {
    const store = connectedStore();
    const wire = new Wire();
    const udpServer = {
      id: 's4',
      kind: 'udp' as const,
      local: endpoint('127.0.0.1', 5005),
      recvSize: 512,
      behaviour: 'echo' as const,
    };
    const udpClient = {
      id: 's5',
      kind: 'udp' as const,
      local: endpoint('127.0.0.1', 40000),
      remote: endpoint('127.0.0.1', 5005),
      recvSize: 512,
    };
    store.getState().receiveBatches([batch([server, client, conn, udpServer, udpClient].map((s) => wire.opened(s)))]);
    const setup = setupOf(store.getState());
    expect(setup).toEqual({
      v: 1,
      items: [
        { kind: 'tcp-server', host: '127.0.0.1', port: 65432, recvSize: 16, backlog: 128, behaviour: 'echo' },
        { kind: 'udp', host: '127.0.0.1', port: 5005, recvSize: 512, behaviour: 'echo' },
        { kind: 'tcp-client', to: { server: 0 }, recvSize: 1024 },
        { kind: 'udp', host: '127.0.0.1', port: 0, recvSize: 512, to: { server: 1 } },
      ],
    });
    const encoded = encodeSetup(setup!);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSetup(encoded)).toEqual(setup);
    expect(countSetup(setup!)).toEqual({ servers: 2, clients: 2 });
    expect(takeSetup(`#setup=${encoded}&x=1`)).toEqual({ setup, rest: '#x=1' });
    expect(decodeSetup('not-a-setup')).toBeNull();
  });

  it('recreates the sockets: servers first, on a free port if theirs is taken, and clients follow them', async () => {
    const sent: CommandBody[] = [];
    let port = 40000;
    const result = await recreateSetup(
      {
        v: 1,
        items: [
          { kind: 'tcp-server', host: '127.0.0.1', port: 65432, recvSize: 16 },
          { kind: 'tcp-client', to: { server: 0 }, recvSize: 1024 },
        ],
      },
      async (command) => {
        sent.push(command);
        if (command.type === 'tcp.listen' && command.port === 65432) throw new Error('EADDRINUSE');
        return command.type === 'tcp.listen' ? { socket: { local: { port: ++port } } } : {};
      },
    );
    expect(result).toEqual({ made: 2, failed: [] });
    expect(sent).toEqual([
      { type: 'tcp.listen', host: '127.0.0.1', port: 65432, recvSize: 16 },
      { type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize: 16 },
      { type: 'tcp.connect', host: '127.0.0.1', port: 40001, recvSize: 1024 },
    ]);
  });
});
