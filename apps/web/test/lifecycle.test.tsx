import type { KernelSnapshot } from '@playground/protocol';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CodePanel } from '../src/features/code/CodePanel.tsx';
import { KernelView } from '../src/features/kernel/KernelView.tsx';
import { SocketList } from '../src/features/sockets/SocketList.tsx';
import { SpawnPanel } from '../src/features/spawn/SpawnPanel.tsx';
import { ViewTabs } from '../src/features/views/ViewTabs.tsx';
import { connectedStore, renderWithPlayground, storeWith } from './support/render.tsx';
import { batch, client, conn, endpoint, server, text, Wire } from './support/wire.ts';

const card = (id: string) => screen.getAllByTestId('socket-card').find((c) => c.dataset.socketId === id)!;

const snapshot = (rows: KernelSnapshot['rows'], extra: Partial<KernelSnapshot> = {}): KernelSnapshot => ({
  type: 'kernel',
  available: true,
  source: '/proc/net/tcp, /proc/net/tcp6',
  t: 100,
  scope: 'playground',
  rows,
  truncated: 0,
  ...extra,
});

const kernelRow = (
  local: number,
  remote: number,
  state: KernelSnapshot['rows'][number]['state'],
  socketId?: string,
) => ({
  family: 'IPv4' as const,
  local: { address: '127.0.0.1', port: local },
  remote: { address: remote ? '127.0.0.1' : '0.0.0.0', port: remote },
  state,
  sendQueue: 0,
  recvQueue: 0,
  inode: local + remote,
  ...(socketId ? { socketId } : {}),
});

describe('the OS view', () => {
  it('watches the kernel only while open, and shows each socket’s kernel state with its meaning', async () => {
    const wire = new Wire();
    const store = storeWith(wire.openedConnection());
    const { send, unmount } = renderWithPlayground(<KernelView />, { store });
    expect(send).toHaveBeenCalledWith({ type: 'kernel.watch', intervalMs: 250, scope: 'playground' });
    expect(screen.getByText('Reading the kernel’s table…')).toBeInTheDocument();

    act(() =>
      store
        .getState()
        .receiveKernel(
          snapshot([
            kernelRow(65432, 0, 'LISTEN', 's1'),
            kernelRow(51234, 65432, 'FIN_WAIT2', 's2'),
            { ...kernelRow(65432, 51234, 'CLOSE_WAIT', 's3'), recvQueue: 5 },
            kernelRow(50000, 65432, 'ESTABLISHED'),
          ]),
        ),
    );
    const rows = screen.getAllByTestId('kernel-row');
    // Listening first, then each connection's two ends together, the server's end first.
    expect(rows.map((r) => r.dataset.state)).toEqual(['LISTEN', 'ESTABLISHED', 'CLOSE_WAIT', 'FIN_WAIT2']);
    expect(within(rows[0]!).getByText('backlog 128')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('5 bytes unread')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('outside the playground')).toBeInTheDocument();
    expect(
      screen.getByText(/recv\(\) returned b''\): the kernel waits for this program to close too/),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: 'Everything on the same ports' }));
    expect(send).toHaveBeenCalledWith({ type: 'kernel.unwatch' });
    expect(send).toHaveBeenLastCalledWith({ type: 'kernel.watch', intervalMs: 250, scope: 'ports' });

    unmount();
    expect(send).toHaveBeenLastCalledWith({ type: 'kernel.unwatch' });
    expect(store.getState().kernel.watching).toBe(false);
  });

  it('says plainly when the OS view is not available', () => {
    const store = connectedStore();
    renderWithPlayground(<KernelView />, { store });
    act(() =>
      store.getState().receiveKernel(
        snapshot([], {
          available: false,
          reason: 'The kernel’s socket table is read from /proc/net/tcp, which darwin does not have.',
        }),
      ),
    );
    expect(screen.getByTestId('kernel-unavailable')).toHaveTextContent(/darwin does not have/);
    expect(screen.getByText('The OS view is not available here.')).toBeInTheDocument();
  });
});

describe('what each side observed', () => {
  it('shows the waiting line of a one-at-a-time server, and each waiting client’s place in it', () => {
    const wire = new Wire();
    const conn2 = { ...conn, id: 's5', remote: endpoint('127.0.0.1', 51235) };
    const conn3 = { ...conn, id: 's6', remote: endpoint('127.0.0.1', 51236) };
    const store = storeWith([
      wire.opened({ ...server, concurrency: 'one-at-a-time' }),
      wire.opened(conn),
      wire.event('accept', 's1', 'tcp-server', { connId: 's3', remote: conn.remote! }),
      wire.opened(conn2),
      wire.event('queued', 's1', 'tcp-server', { connId: 's5', remote: conn2.remote, position: 1 }),
      wire.opened(conn3),
      wire.event('queued', 's1', 'tcp-server', { connId: 's6', remote: conn3.remote, position: 2 }),
    ]);
    renderWithPlayground(<SocketList />, { store });
    expect(within(card('s1')).getByTestId('waiting-queue')).toHaveTextContent(
      'Waiting for accept(): s5 ← 127.0.0.1:51235, s6 ← 127.0.0.1:51236',
    );
    expect(within(card('s6')).getByTestId('waiting-note')).toHaveAttribute('data-position', '2');
    act(() =>
      store
        .getState()
        .receiveBatches([
          batch([
            wire.event('closed', 's3', 'tcp-conn', { hadError: false }),
            wire.event('accept', 's1', 'tcp-server', { connId: 's5', remote: conn2.remote }),
          ]),
        ]),
    );
    expect(within(card('s1')).getByTestId('waiting-queue')).toHaveAttribute('data-count', '1');
    expect(within(card('s6')).getByTestId('waiting-note')).toHaveAttribute('data-position', '1');
  });

  it("after End on the client, the server side read b'' and the client card says so", () => {
    const wire = new Wire();
    const store = storeWith([
      ...wire.openedConnection(),
      wire.event('fin-sent', 's2', 'tcp-client', {}),
      wire.event('fin-received', 's3', 'tcp-conn', {}),
    ]);
    renderWithPlayground(<SocketList />, { store });
    expect(within(card('s3')).getByTestId('observed-fin')).toHaveTextContent("Read 0 bytes (b''): the peer sent FIN.");
    const peer = within(card('s2')).getByTestId('peer-status');
    expect(peer).toHaveAttribute('data-peer', 'finRead');
    expect(peer).toHaveTextContent("conn s3 read 0 bytes (b''): no more data will come from here; it may still send.");
    act(() =>
      store
        .getState()
        .receiveBatches([
          batch([wire.event('error', 's3', 'tcp-conn', { error: { code: 'ECONNRESET', message: 'reset' } })]),
        ]),
    );
    expect(within(card('s2')).getByTestId('peer-status')).toHaveAttribute('data-peer', 'reset');
  });

  it('a server that stopped listening says its connections stay, and can still close them all', async () => {
    const wire = new Wire();
    const store = storeWith([
      wire.opened(server),
      wire.opened(conn),
      wire.event('closed', 's1', 'tcp-server', { hadError: false }),
    ]);
    const { send } = renderWithPlayground(<SocketList />, { store });
    expect(within(card('s1')).getByTestId('stopped-note')).toHaveTextContent(
      'Stopped listening: new clients get ECONNREFUSED. Its 1 accepted connection stays open.',
    );
    await userEvent.click(within(card('s1')).getByRole('button', { name: 'Close all' }));
    expect(send).toHaveBeenCalledWith({ type: 'socket.close', socketId: 's1' }, undefined);
  });
});

describe('show me the code', () => {
  it('shows the selected client as Python with its port, recv size and last message, and copies it', async () => {
    const wire = new Wire();
    const store = storeWith([wire.opened(client), wire.send('s2', text('hola\n'))]);
    store.getState().select('1:s2');
    const writeText = vi.fn(async () => {});
    Object.defineProperty(window, 'isSecureContext', { configurable: true, value: true });
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    renderWithPlayground(<CodePanel />, { store });
    const code = screen.getByTestId('code-text');
    expect(code).toHaveTextContent('PORT = 65432');
    expect(code.textContent).toContain("message = b'hola\\n'");
    expect(code.textContent).toContain('s.recv(1024)');
    await userEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(code.textContent);
    expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'Node.js' }));
    expect(screen.getByTestId('code-text').textContent).toContain("net.connect({ host: '127.0.0.1', port: 65432 }");
  });

  it('shows a server’s code as its concurrency: a thread per client, or the plain accept() loop', () => {
    const wire = new Wire();
    const store = storeWith([wire.opened({ ...server, concurrency: 'one-at-a-time' })]);
    store.getState().select('1:s1');
    renderWithPlayground(<CodePanel />, { store });
    expect(screen.getByTestId('code-text').textContent).not.toContain('threading');
    expect(screen.getByTestId('code-text').textContent).toContain('connection.recv(16)');
    expect(screen.getByText(/accept\(\) takes the next only after the current one closes/)).toBeInTheDocument();
  });

  it('asks for a selection when there is none', () => {
    renderWithPlayground(<CodePanel />);
    expect(screen.getByText('Select a server or a client')).toBeInTheDocument();
  });
});

describe('many clients', () => {
  it('spawns N clients × M messages at the newest server and shows one lane per client with totals', async () => {
    const wire = new Wire();
    const store = storeWith([wire.opened(server)]);
    const reply = vi.fn(async () => ({ sockets: [{ ...client, group: 'spawn-1' }] }));
    const { send } = renderWithPlayground(<SpawnPanel />, { store, reply });
    expect(screen.getByText('No spawned clients yet')).toBeInTheDocument();
    expect(screen.getByLabelText('Port')).toHaveValue(65432);
    await userEvent.click(screen.getByRole('button', { name: 'Spawn clients' }));
    expect(send).toHaveBeenCalledWith(
      {
        type: 'tcp.spawn',
        host: '127.0.0.1',
        port: 65432,
        count: 20,
        messages: 3,
        intervalMs: 100,
        end: true,
        data: { encoding: 'text', value: 'hola' },
      },
      { timeoutMs: 30_000 },
    );
    act(() =>
      store.getState().receiveBatches([
        batch(
          [
            wire.opened({ ...client, id: 's2', group: 'spawn-1' }),
            wire.opened({ ...client, id: 's3', local: endpoint('127.0.0.1', 51235), group: 'spawn-1' }),
          ],
          {
            s2: { bytesIn: 12, bytesOut: 12, reads: 3, writes: 3 },
            s3: { bytesIn: 4, bytesOut: 8, reads: 1, writes: 2 },
          },
        ),
      ]),
    );
    const lanes = screen.getAllByTestId('spawn-lane');
    expect(lanes.map((l) => `${l.dataset.socketId}:${l.dataset.sent}/${l.dataset.received}`)).toEqual([
      's2:12/12',
      's3:8/4',
    ]);
    expect(screen.getByTestId('spawn-totals')).toHaveTextContent('20 B sent · 16 B received · 2 open · 0 closed');
  });
});

describe('the views', () => {
  it('switches views with the arrow keys, mounting only the open one', async () => {
    const { send } = renderWithPlayground(<ViewTabs />);
    expect(screen.getByRole('tab', { name: 'Event log' })).toHaveAttribute('aria-selected', 'true');
    screen.getByRole('tab', { name: 'Event log' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Wire' })).toHaveAttribute('aria-selected', 'true');
    expect(send).toHaveBeenCalledWith({ type: 'wire.watch' });
    await userEvent.keyboard('{ArrowRight}');
    expect(send).toHaveBeenCalledWith({ type: 'wire.unwatch' });
    expect(screen.getByRole('tab', { name: 'OS view' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'OS view' })).toHaveFocus();
    expect(send).toHaveBeenCalledWith({ type: 'kernel.watch', intervalMs: 250, scope: 'playground' });
    await userEvent.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Code' })).toHaveAttribute('aria-selected', 'true');
    expect(send).toHaveBeenLastCalledWith({ type: 'kernel.unwatch' });
  });
});
