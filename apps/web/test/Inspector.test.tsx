import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Inspector } from '../src/features/inspector/Inspector.tsx';
import { connectedStore, renderWithPlayground } from './support/render.tsx';
import { batch, conn, endpoint, text, Wire } from './support/wire.ts';

/** The seed message plus a newline: 56 bytes, which recv(16) reads as 16 + 16 + 16 + 8. */
const MESSAGE = text('hola mundo, this is a message longer than sixteen bytes\n');

function storeWithPieces() {
  const store = connectedStore();
  const wire = new Wire();
  const events = [wire.opened(conn)];
  for (let i = 0; i < MESSAGE.length; i += 16) events.push(wire.recv('s3', MESSAGE.subarray(i, i + 16)));
  const counters = { s3: { bytesIn: 56, bytesOut: 0, reads: 4, writes: 0 } };
  store.getState().receiveBatches([batch(events, counters)]);
  return { store, events };
}

describe('Inspector', () => {
  it('asks for a selection first', () => {
    renderWithPlayground(<Inspector />);
    expect(screen.getByTestId('inspector')).toHaveTextContent('Select a socket to see its bytes.');
  });

  it('marks every piece start of a 56-byte message read with recv(16): 4 boundaries, one per piece', () => {
    const { store } = storeWithPieces();
    store.getState().select('1:s3');
    renderWithPlayground(<Inspector />, { store });
    const inspector = screen.getByTestId('inspector');

    const bytes = within(inspector).getAllByTestId('hex-byte');
    expect(bytes).toHaveLength(56);
    expect(bytes.map((b) => b.dataset.piece)).toEqual([
      ...Array(16).fill('1'),
      ...Array(16).fill('2'),
      ...Array(16).fill('3'),
      ...Array(8).fill('4'),
    ]);
    // The first piece gets a marker too, so each of the 4 pieces is introduced the same way.
    const boundaries = within(inspector).getAllByTestId('piece-boundary');
    expect(boundaries).toHaveLength(4);
    expect(boundaries.map((b) => b.parentElement?.dataset.offset)).toEqual(['0', '16', '32', '48']);
    expect(bytes[0]).toHaveTextContent('68');

    const legend = within(inspector).getByRole('region', { name: 'Pieces in view' });
    expect(legend).toHaveTextContent('piece #1: 16 bytes (recv #1)');
    expect(legend).toHaveTextContent('piece #4: 8 bytes (recv #4)');
    expect(within(inspector).getByRole('tab', { name: /Received/ })).toHaveTextContent('56 B in 4 pieces');
  });

  it('tells what a byte is when pointed at, and moves with the arrow keys', async () => {
    const { store } = storeWithPieces();
    store.getState().select('1:s3');
    renderWithPlayground(<Inspector />, { store });
    const bytes = screen.getAllByTestId('hex-byte');
    await userEvent.hover(bytes[17]!);
    expect(screen.getByText("offset 17 · 0x69 · 'i' · piece #2 (recv #2)")).toBeInTheDocument();

    await userEvent.unhover(bytes[17]!);
    screen.getByRole('grid').focus();
    await userEvent.keyboard('{ArrowDown}{ArrowRight}');
    expect(screen.getByText("offset 17 · 0x69 · 'i' · piece #2 (recv #2)")).toBeInTheDocument();
  });

  it('highlights the piece chosen in the log', () => {
    const { store, events } = storeWithPieces();
    store.getState().select('1:s3', { direction: 'received', seq: events[3]!.seq });
    renderWithPlayground(<Inspector />, { store });
    const third = screen.getAllByTestId('hex-byte').filter((b) => b.classList.contains('is-focus-piece'));
    expect(third.map((b) => b.dataset.piece)).toEqual(Array(16).fill('3'));
  });

  it('shows UDP datagrams with their sender and truncation', () => {
    const store = connectedStore();
    const wire = new Wire();
    const udp = { id: 's1', kind: 'udp' as const, local: endpoint('127.0.0.1', 5005), recvSize: 4 };
    store.getState().receiveBatches([batch([wire.opened(udp), wire.datagramIn('s1', text('abcd'), 2)])]);
    store.getState().select('1:s1');
    renderWithPlayground(<Inspector />, { store });
    expect(screen.getByRole('region', { name: 'Pieces in view' })).toHaveTextContent(
      'datagram #1: 4 bytes from 127.0.0.1:50000 (recvfrom #1) — lost 2 bytes (truncated)',
    );
  });

  it('switches to the sent bytes and says when there are none', async () => {
    const { store } = storeWithPieces();
    store.getState().select('1:s3');
    renderWithPlayground(<Inspector />, { store });
    await userEvent.click(screen.getByRole('tab', { name: /Sent/ }));
    expect(screen.getByText(/Nothing sent yet/)).toBeInTheDocument();
  });
});
