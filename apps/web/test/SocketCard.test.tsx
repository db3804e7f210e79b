import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { SocketList } from '../src/features/sockets/SocketList.tsx';
import { connectedStore, renderWithPlayground } from './support/render.tsx';
import { batch, client, conn, endpoint, server, text, Wire } from './support/wire.ts';

function cards() {
  const store = connectedStore();
  const wire = new Wire();
  store.getState().receiveBatches([
    batch([wire.opened(server), wire.opened(client), wire.opened(conn)], {
      s2: { bytesIn: 56, bytesOut: 56, reads: 1, writes: 1 },
    }),
  ]);
  return store;
}

const card = (id: string) => screen.getAllByTestId('socket-card').find((c) => c.dataset.socketId === id)!;

describe('SocketList', () => {
  it('says what to do when there are no sockets', () => {
    renderWithPlayground(<SocketList />);
    expect(screen.getByText('Start a server on the left, then open a client to it.')).toBeInTheDocument();
  });

  it('says on a UDP card how many bytes recvfrom() cut off, not only in the log', () => {
    const store = connectedStore();
    const wire = new Wire();
    const udp = { id: 's1', kind: 'udp' as const, local: endpoint('127.0.0.1', 5005), recvSize: 8 };
    store.getState().receiveBatches([batch([wire.opened(udp), wire.datagramIn('s1', text('twenty b'), 12)])]);
    renderWithPlayground(<SocketList />, { store });
    expect(within(card('s1')).getByTestId('lost-bytes')).toHaveTextContent(
      '12 bytes lost: a datagram did not fit in recvfrom() and was cut',
    );
  });

  it('counts with plural forms: “1 read”, “56 bytes in”, and in Spanish “1 lectura”', async () => {
    renderWithPlayground(<SocketList />, { store: cards() });
    const counters = () => within(card('s2')).getByTestId('reads').closest('dl') as HTMLElement;
    // Each label comes before its number in the page's text; the card shows the number first.
    expect(counters()).toHaveTextContent('bytes in56bytes out56read1write1');
    await i18next.changeLanguage('es');
    try {
      expect(counters()).toHaveTextContent('bytes recibidos56bytes enviados56lectura1escritura1');
    } finally {
      await i18next.changeLanguage('en');
    }
  });

  it('nests the accepted connection in its server and exposes the test hooks', () => {
    renderWithPlayground(<SocketList />, { store: cards() });
    expect(within(card('s1')).getByText('Accepted connection')).toBeInTheDocument();
    expect(card('s3').closest('[data-socket-id="s1"]')).toBe(card('s1'));
    expect(card('s2')).toHaveAttribute('data-kind', 'tcp-client');
    expect(card('s2')).toHaveAttribute('data-state', 'connecting');
    expect(within(card('s2')).getByTestId('bytes-in')).toHaveTextContent(/^56$/);
    expect(within(card('s2')).getByTestId('writes')).toHaveTextContent(/^1$/);
    expect(within(card('s3')).getByText('127.0.0.1:65432')).toBeInTheDocument();
  });

  it('sends FIN, close and RST for a connection; stop listening and close all for a server', async () => {
    const { send } = renderWithPlayground(<SocketList />, { store: cards() });
    const connCard = card('s3');
    await userEvent.click(within(connCard).getByRole('button', { name: 'End (FIN)' }));
    await userEvent.click(within(connCard).getByRole('button', { name: 'Reset (RST)' }));
    await userEvent.click(within(connCard).getByRole('button', { name: 'Close' }));
    const stop = within(card('s1')).getAllByRole('button', { name: 'Stop listening' });
    await userEvent.click(stop[0]!);
    const closeAll = within(card('s1')).getAllByRole('button', { name: 'Close all' });
    await userEvent.click(closeAll[0]!);
    expect(send.mock.calls.map(([command]) => command)).toEqual([
      { type: 'tcp.end', socketId: 's3' },
      { type: 'tcp.reset', socketId: 's3' },
      { type: 'socket.close', socketId: 's3' },
      { type: 'server.stopListening', socketId: 's1' },
      { type: 'socket.close', socketId: 's1' },
    ]);
  });

  it('selects a card for the inspector and offers to connect a client to a server', async () => {
    const { store } = renderWithPlayground(<SocketList />, { store: cards() });
    await userEvent.click(within(card('s3')).getByRole('button', { name: /Accepted connection/ }));
    expect(store.getState().selection.key).toBe('1:s3');
    await userEvent.click(within(card('s1')).getByRole('button', { name: 'Connect a client here' }));
    expect(store.getState().clientPrefill).toMatchObject({ protocol: 'tcp', host: '127.0.0.1', port: 65432 });
  });

  it('says plainly on a server bound to every interface that other computers can reach it, and why a relay refused', async () => {
    const store = connectedStore();
    const wire = new Wire();
    const everywhere = { ...server, id: 's4', local: endpoint('0.0.0.0', 65432) };
    const udp = { id: 's5', kind: 'udp' as const, local: endpoint('::', 9999), recvSize: 1024 };
    const refusal = {
      code: 'not_allowed' as const,
      message: 'The relay turned a client away: …',
      params: { reason: 'relayNotListening', transport: 'TCP', host: '127.0.0.1', port: 5000 },
    };
    store
      .getState()
      .receiveBatches([
        batch([wire.opened(server), wire.opened(everywhere), wire.opened(udp), wire.error('s5', 'udp', refusal)]),
      ]);
    renderWithPlayground(<SocketList />, { store });
    expect(within(card('s1')).queryByTestId('reachable-note')).toBeNull();
    expect(within(card('s4')).getByTestId('reachable-note')).toHaveTextContent(
      'Listening on 0.0.0.0, every interface of this computer: other computers on your network can connect to it, not only this one.',
    );
    expect(within(card('s5')).getByTestId('reachable-note')).toHaveTextContent(/Listening on ::/);
    expect(within(card('s5')).getByTestId('last-error')).toHaveTextContent(
      'Last error: The relay turned a client away: nothing of this playground listens for TCP on 127.0.0.1 port 5000 any more',
    );
    await i18next.changeLanguage('es');
    try {
      expect(within(card('s4')).getByTestId('reachable-note')).toHaveTextContent(
        /otros computadores de tu red pueden conectarse a él/,
      );
      expect(within(card('s5')).getByTestId('last-error')).toHaveTextContent(/El relé rechazó a un cliente/);
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
