import { encodeJsonFrame, seed002ChunkCount, seed002PaddedLength } from '@playground/codec';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Inspector } from '../src/features/inspector/Inspector.tsx';
import { SendBox } from '../src/features/sockets/SendBox.tsx';
import { connectedStore, renderWithPlayground } from './support/render.tsx';
import { batch, client, conn, server, text, Wire } from './support/wire.ts';

const ANSWER = "Respuesta asociada al mensaje {'nombre': 'Margot'}";

describe('a client’s Frames view decodes its replies in the framing they come in', () => {
  it('a client of a Framed JSON server shows the decoded answer, not the prefix and padding', () => {
    const store = connectedStore();
    const wire = new Wire();
    const framedServer = { ...server, behaviour: 'framed-json' as const, framing: seed002PaddedLength };
    const framedConn = { ...conn, behaviour: 'framed-json' as const, framing: seed002PaddedLength };
    const answer = encodeJsonFrame(seed002PaddedLength, ANSWER);
    store
      .getState()
      .receiveBatches([
        batch([
          wire.opened(framedServer),
          wire.opened(client),
          wire.opened(framedConn),
          wire.recv('s2', answer, 'tcp-client'),
        ]),
      ]);
    act(() => {
      store.getState().select('1:s2');
      store.getState().showView('frames');
    });
    renderWithPlayground(<Inspector />, { store });
    expect(screen.getAllByTestId('frame')).toHaveLength(1);
    expect(screen.getByTestId('frame-json').textContent).toBe(JSON.stringify(ANSWER));
  });

  it('a client that sent with a framing reads the echo with it', async () => {
    const store = connectedStore();
    const wire = new Wire();
    store.getState().receiveBatches([batch([wire.opened(server), wire.opened(client), wire.opened(conn)])]);
    const entry = store.getState().sockets['1:s2']!;
    const { container } = renderWithPlayground(
      <>
        <SendBox entry={entry} disabled={false} />
        <Inspector />
      </>,
      { store, reply: async () => ({ bytes: 8 }) },
    );
    const message = screen.getByRole('textbox', { name: 'Message' });
    await userEvent.clear(message);
    await userEvent.type(message, 'hola');
    await userEvent.click(screen.getByText('Writes, framing, Nagle, struct'));
    await userEvent.selectOptions(
      container.querySelector('.send-options select[name="framing"]')!,
      'seed002-chunk-count',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    const echo = new Uint8Array([1, 0, 0, 0, ...text('hola')]);
    act(() => {
      store.getState().receiveBatches([batch([wire.recv('s2', echo, 'tcp-client')])]);
      store.getState().select('1:s2');
      store.getState().showView('frames');
    });
    expect(store.getState().lab.sentFraming['1:s2']).toEqual(seed002ChunkCount);
    expect(screen.getAllByTestId('frame')).toHaveLength(1);
    expect(screen.getByTestId('frame')).toHaveTextContent('hola');
  });
});
