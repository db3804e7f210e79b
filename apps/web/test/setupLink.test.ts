import { describe, expect, it } from 'vitest';
import type { CommandBody } from '../src/bridge/client.ts';
import { isLabSocket } from '../src/features/netlab/model/labStore.ts';
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

  it('recreates the sockets: a taken port is replaced by a free one before listening (no failed socket), and clients follow', async () => {
    const sent: CommandBody[] = [];
    const result = await recreateSetup(
      {
        v: 1,
        items: [
          { kind: 'tcp-server', host: '127.0.0.1', port: 65432, recvSize: 16 },
          { kind: 'udp', host: '127.0.0.1', port: 5005, recvSize: 16 },
          { kind: 'tcp-client', to: { server: 0 }, recvSize: 1024 },
        ],
      },
      async (command) => {
        sent.push(command);
        if (command.type === 'port.suggest') return { port: command.port === 65432 ? 65433 : command.port };
        if (command.type === 'tcp.listen' && command.port === 65432) throw new Error('EADDRINUSE');
        if (command.type === 'tcp.listen' || command.type === 'udp.bind')
          return { socket: { local: { port: command.port } } };
        return {};
      },
    );
    expect(result).toEqual({ made: 3, failed: [], moved: [{ transport: 'tcp', from: 65432, to: 65433 }] });
    expect(sent).toEqual([
      { type: 'port.suggest', transport: 'tcp', host: '127.0.0.1', port: 65432 },
      { type: 'tcp.listen', host: '127.0.0.1', port: 65433, recvSize: 16 },
      { type: 'port.suggest', transport: 'udp', host: '127.0.0.1', port: 5005 },
      { type: 'udp.bind', host: '127.0.0.1', port: 5005, recvSize: 16 },
      { type: 'tcp.connect', host: '127.0.0.1', port: 65433, recvSize: 1024 },
    ]);
  });

  it('carries only the learner’s own sockets, not the network lab’s servers, relays and clients', () => {
    const store = connectedStore();
    const wire = new Wire();
    const labServer = { ...server, id: 's9', local: endpoint('127.0.0.1', 41000), behaviour: 'none' as const };
    const labClient = {
      ...client,
      id: 's10',
      local: endpoint('127.0.0.1', 52000),
      remote: endpoint('127.0.0.1', 41000),
    };
    const labConn = { ...conn, id: 's11', parentId: 's9', local: endpoint('127.0.0.1', 41000) };
    store
      .getState()
      .receiveBatches([batch([server, client, conn, labServer, labClient, labConn].map((s) => wire.opened(s)))]);
    const labKeys: Record<string, true> = { '1:s9': true, '1:s10': true };
    const setup = setupOf(store.getState(), (entry) => isLabSocket(labKeys, entry));
    expect(setup?.items).toEqual([
      { kind: 'tcp-server', host: '127.0.0.1', port: 65432, recvSize: 16, backlog: 128, behaviour: 'echo' },
      { kind: 'tcp-client', to: { server: 0 }, recvSize: 1024 },
    ]);
    expect(countSetup(setup!)).toEqual({ servers: 1, clients: 1 });
  });
});
