import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { EventLog } from '../src/features/log/EventLog.tsx';
import { connectedStore, renderWithPlayground } from './support/render.tsx';
import { batch, client, conn, endpoint, server, text, Wire } from './support/wire.ts';

describe('EventLog', () => {
  it('tells the learner what will appear before anything happened', () => {
    renderWithPlayground(<EventLog />);
    expect(screen.getByText(/No events yet/)).toBeInTheDocument();
  });

  it('renders one row per event of a batch, with type, socket and size hooks', () => {
    const store = connectedStore();
    const wire = new Wire();
    store.getState().receiveBatches([
      batch(
        [
          wire.opened(server),
          wire.opened(client),
          wire.opened(conn),
          wire.send('s2', text('hola mundo')),
          wire.recv('s3', text('hola mundo')),
          wire.event('fin-received', 's3', 'tcp-conn', {}),
          wire.event('error', 's2', 'tcp-client', {
            error: { code: 'ECONNRESET', message: 'reset', params: { host: '127.0.0.1', port: 65432 } },
          }),
        ],
        {},
        3,
      ),
    ]);
    renderWithPlayground(<EventLog />, { store });
    const log = screen.getByTestId('event-log');
    const rows = within(log).getAllByTestId('event-row');
    expect(rows.map((r) => r.dataset.type)).toEqual([
      'opened',
      'opened',
      'opened',
      'send',
      'recv',
      'fin-received',
      'error',
    ]);
    const recv = rows[4]!;
    expect(recv).toHaveAttribute('data-socket-id', 's3');
    expect(recv).toHaveAttribute('data-size', '10');
    expect(recv).toHaveTextContent('← recv #1');
    expect(recv).toHaveTextContent('conn s3 ← 127.0.0.1:51234');
    expect(recv).toHaveTextContent("b'hola mundo'");
    expect(rows[3]).toHaveTextContent('→ send #1');
    expect(rows[0]).toHaveTextContent('0.250');
    expect(rows[6]).toHaveClass('log-row--error');
    expect(rows[6]).toHaveTextContent('The peer reset the connection (RST)');
    expect(within(log).getByTestId('folded')).toHaveTextContent('3 events folded');
  });

  it('shows UDP datagrams with their sender and what was truncated', () => {
    const store = connectedStore();
    const wire = new Wire();
    const udp = { id: 's1', kind: 'udp' as const, local: endpoint('127.0.0.1', 5005), recvSize: 4 };
    store.getState().receiveBatches([batch([wire.opened(udp), wire.datagramIn('s1', text('abcd'), 6)])]);
    renderWithPlayground(<EventLog />, { store });
    const row = screen.getAllByTestId('event-row')[1]!;
    expect(row).toHaveAttribute('data-type', 'datagram-in');
    expect(row.querySelector('.log-row__event')).toHaveTextContent('← datagram #1');
    expect(row.querySelector('.log-row__preview')).toHaveTextContent("from 127.0.0.1:50000 · b'abcd'");
    // The lost bytes sit in the event cell, which is never cut, not at the end of the data column.
    expect(within(row).getByTestId('lost')).toHaveTextContent('6 bytes lost');
    expect(row.querySelector('.log-row__event')).toContainElement(within(row).getByTestId('lost'));
  });

  it('counts times from the session, the selected connection’s first event, or the row above', async () => {
    const store = connectedStore();
    const wire = new Wire();
    // Every wire event is 0.25 ms after the one before: the server at 0.25, the client's first at 0.5.
    store.getState().receiveBatches([batch([...wire.openedConnection(), wire.send('s2', text('hola'))])]);
    renderWithPlayground(<EventLog />, { store });
    const times = () => screen.getAllByTestId('event-row').map((r) => r.querySelector('.log-row__time')?.textContent);
    expect(times()).toEqual(['0.250', '0.500', '0.750', '1.000']);
    expect(screen.getByRole('columnheader', { name: 'time (ms)' })).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Times from'), 'previous');
    expect(times()).toEqual(['0.250', '+0.250', '+0.250', '+0.250']);
    expect(screen.getByRole('columnheader', { name: 'Δ row (ms)' })).toBeInTheDocument();

    // Counting from a connection needs one: until a socket is selected the page says so.
    await userEvent.selectOptions(screen.getByLabelText('Times from'), 'connection');
    expect(screen.getByText(/Select a socket to count from/)).toBeInTheDocument();
    act(() => store.getState().select('1:s3'));
    // The connection's two ends are the client (first event at 0.5) and the accepted s3.
    expect(times()).toEqual(['−0.250', '+0.000', '+0.250', '+0.500']);
    expect(screen.queryByText(/Select a socket to count from/)).not.toBeInTheDocument();
  });

  it('opens a data row in the inspector and can show only the selected socket', async () => {
    const store = connectedStore();
    const wire = new Wire();
    const recv = wire.recv('s3', text('abc'));
    store
      .getState()
      .receiveBatches([batch([wire.opened(client), wire.opened(conn), wire.send('s2', text('abc')), recv])]);
    renderWithPlayground(<EventLog />, { store });
    const rows = screen.getAllByTestId('event-row');
    expect(within(rows[0]!).queryByRole('button')).not.toBeInTheDocument();
    within(rows[3]!).getByRole('button', { name: '← recv #1' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(store.getState().selection).toEqual({ key: '1:s3', direction: 'received', pieceSeq: recv.seq });

    await userEvent.click(screen.getByRole('checkbox', { name: 'Only the selected socket' }));
    expect(screen.getAllByTestId('event-row').map((r) => r.dataset.socketId)).toEqual(['s3', 's3']);
  });
});
