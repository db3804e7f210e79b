import { NO_CONDITIONS, type SocketInfo } from '@playground/protocol';
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createPageStores } from '../src/app/PageStores.tsx';
import { FlowView } from '../src/features/flow/FlowView.tsx';
import { KernelView } from '../src/features/kernel/KernelView.tsx';
import { SocketList } from '../src/features/sockets/SocketList.tsx';
import { connectedStore, renderWithPlayground } from './support/render.tsx';
import { batch, endpoint, text, Wire } from './support/wire.ts';

const card = (id: string) => screen.getAllByTestId('socket-card').find((c) => c.dataset.socketId === id)!;

describe('the other end of a connection is named for what it is, not “outside the playground”', () => {
  it('a student’s client of the teacher’s published server: the card, the flow and the OS view say so', () => {
    const stores = createPageStores();
    stores.classroom.setState({
      info: {
        type: 'class',
        allowPeers: false,
        servers: [
          { owner: 'teacher', socketId: 's1', kind: 'tcp-server', host: '127.0.0.1', port: 40123, recvSize: 1024 },
        ],
      },
    });
    const store = connectedStore();
    const wire = new Wire();
    const studentClient: SocketInfo = {
      id: 's2',
      kind: 'tcp-client',
      local: endpoint('127.0.0.1', 51000),
      remote: endpoint('127.0.0.1', 40123),
      recvSize: 1024,
    };
    store
      .getState()
      .receiveBatches([
        batch([
          wire.opened(studentClient),
          wire.event('state', 's2', 'tcp-client', { state: 'established' }),
          wire.recv('s2', text('hola'), 'tcp-client'),
        ]),
      ]);
    store.getState().receiveKernel({
      type: 'kernel',
      available: true,
      t: 1,
      scope: 'playground',
      truncated: 0,
      rows: [
        {
          family: 'IPv4',
          local: endpoint('127.0.0.1', 51000),
          remote: endpoint('127.0.0.1', 40123),
          state: 'ESTABLISHED',
          sendQueue: 0,
          recvQueue: 0,
          inode: 1,
          socketId: 's2',
        },
        {
          family: 'IPv4',
          local: endpoint('127.0.0.1', 40123),
          remote: endpoint('127.0.0.1', 51000),
          state: 'ESTABLISHED',
          sendQueue: 0,
          recvQueue: 0,
          inode: 2,
        },
      ],
    });
    renderWithPlayground(
      <>
        <SocketList />
        <FlowView />
        <KernelView />
      </>,
      { store, stores },
    );
    expect(within(card('s2')).getByTestId('peer-status')).toHaveTextContent(
      'Other side your teacher’s server, at 127.0.0.1:40123',
    );
    expect(screen.getByTestId('flow-lane-server')).toHaveTextContent('your teacher’s server');
    expect(screen.getByTestId('flow-pair')).toHaveTextContent('client s2 ↔ your teacher’s server');
    expect(screen.getByTestId('kernel-table')).toHaveTextContent('your teacher’s server · peer of client s2');
    expect(document.body).not.toHaveTextContent(/outside the playground/);
  });

  it('the network lab’s relay: named on the card and the flow lane, its arrows carry bytes, not “recv #N”', () => {
    const store = connectedStore();
    const stores = createPageStores();
    const wire = new Wire();
    const relay: SocketInfo = {
      id: 's5',
      kind: 'relay',
      local: endpoint('127.0.0.1', 6000),
      recvSize: 1024,
      conditions: { transport: 'tcp', target: endpoint('127.0.0.1', 7000), settings: NO_CONDITIONS, seed: 1 },
    };
    const sensor: SocketInfo = {
      id: 's6',
      kind: 'tcp-client',
      local: endpoint('127.0.0.1', 52000),
      remote: endpoint('127.0.0.1', 6000),
      recvSize: 1024,
    };
    const server: SocketInfo = { id: 's4', kind: 'tcp-server', local: endpoint('127.0.0.1', 7000), recvSize: 1024 };
    const conn: SocketInfo = {
      id: 's7',
      kind: 'tcp-conn',
      parentId: 's4',
      local: endpoint('127.0.0.1', 7000),
      remote: endpoint('127.0.0.1', 53000),
      recvSize: 1024,
    };
    const flow = wire.event('relay-flow', 's5', 'relay', {
      peer: endpoint('127.0.0.1', 52000),
      upstream: endpoint('127.0.0.1', 53000),
      flow: 'opened',
    });
    store
      .getState()
      .receiveBatches([
        batch([
          wire.opened(server),
          wire.opened(relay),
          wire.opened(sensor),
          wire.event('state', 's6', 'tcp-client', { state: 'established' }),
          flow,
          wire.opened(conn),
          wire.recv('s7', new Uint8Array(25)),
        ]),
      ]);
    act(() => {
      stores.netLab.getState().receive([batch([flow])], 1);
      store.getState().select('1:s7');
    });
    renderWithPlayground(
      <>
        <SocketList />
        <FlowView />
      </>,
      { store, stores },
    );
    expect(within(card('s6')).getByTestId('peer-status')).toHaveTextContent('conditions relay s5, at 127.0.0.1:6000');
    expect(within(card('s7')).getByTestId('peer-status')).toHaveTextContent('conditions relay s5, at 127.0.0.1:53000');
    expect(screen.getByTestId('flow-lane-client')).toHaveTextContent('conditions relay s5');
    expect(screen.getByTestId('flow-lane-server')).toHaveTextContent('server s4 · conn s7');
    const labels = [...document.querySelectorAll('[data-testid="flow-view"] [data-label]')].map((e) =>
      e.getAttribute('data-label'),
    );
    expect(labels).toContain('data · 25 B');
    expect(labels.some((l) => l?.startsWith('recv #1') && !l.includes('25 B'))).toBe(false);
    expect(document.body).not.toHaveTextContent(/outside the playground/);
  });
});
