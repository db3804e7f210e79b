import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SendBox } from '../src/features/sockets/SendBox.tsx';
import { connectedStore, renderWithPlayground } from './support/render.tsx';
import { batch, client, Wire } from './support/wire.ts';

function setup() {
  const store = connectedStore();
  store.getState().receiveBatches([batch([new Wire().opened(client)])]);
  const entry = store.getState().sockets['1:s2']!;
  return renderWithPlayground(<SendBox entry={entry} disabled={false} />, { store });
}

describe('SendBox', () => {
  it('starts with the tutorial message and sends it as text', async () => {
    const { send } = setup();
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue(
      'hola mundo, this is a message longer than sixteen bytes',
    );
    expect(screen.getByText(/55 bytes/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(send).toHaveBeenCalledWith(
      {
        type: 'socket.send',
        socketId: 's2',
        data: { encoding: 'text', value: 'hola mundo, this is a message longer than sixteen bytes' },
      },
      undefined,
    );
  });

  it('does not send bad hex and shows the codec’s reason next to the box', async () => {
    const { send, container } = setup();
    const message = screen.getByRole('textbox', { name: 'Message' });
    await userEvent.clear(message);
    await userEvent.type(message, '68 6g');
    await userEvent.selectOptions(container.querySelector('select[name="encoding"]')!, 'hex');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByText('Not sent: "g" at position 5 is not a hex digit (0-9, a-f).')).toBeInTheDocument();
    expect(message).toHaveAttribute('aria-invalid', 'true');

    await userEvent.clear(message);
    await userEvent.type(message, '68 6f 6c 61');
    expect(screen.getByText(/4 bytes/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({ data: { encoding: 'hex', value: '68 6f 6c 61' } }),
      undefined,
    );
  });

  it('sends with Ctrl+Enter and shows a failed reply beside the box and in the alert region', async () => {
    const store = connectedStore();
    store.getState().receiveBatches([batch([new Wire().opened(client)])]);
    const { BridgeRequestError } = await import('../src/bridge/client.ts');
    const { send } = renderWithPlayground(<SendBox entry={store.getState().sockets['1:s2']!} disabled={false} />, {
      store,
      reply: async () => {
        throw new BridgeRequestError({
          code: 'EPIPE',
          message: 'closed for writing',
          params: { host: '127.0.0.1', port: 1 },
        });
      },
    });
    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), '{Control>}{Enter}{/Control}');
    expect(send).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/Send failed: Cannot send: this side already ended/)).toBeInTheDocument();
    expect(store.getState().alerts).toHaveLength(1);
  });
});
