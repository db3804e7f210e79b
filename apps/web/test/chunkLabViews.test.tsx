import { encodeJsonFrame, seed002PaddedLength } from '@playground/codec';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Inspector } from '../src/features/inspector/Inspector.tsx';
import { ReadControls } from '../src/features/lab/ReadControls.tsx';
import { SendBox } from '../src/features/sockets/SendBox.tsx';
import { connectedStore, renderWithPlayground } from './support/render.tsx';
import { batch, client, conn, server, Wire } from './support/wire.ts';

function withClient() {
  const store = connectedStore();
  store.getState().receiveBatches([batch([new Wire().opened(client)])]);
  return { store, entry: store.getState().sockets['1:s2']! };
}

describe('sending in pieces', () => {
  it('splits the message into writes of K bytes, D ms apart', async () => {
    const { store, entry } = withClient();
    const { send } = renderWithPlayground(<SendBox entry={entry} disabled={false} />, { store });
    await userEvent.click(screen.getByText('Writes, framing, Nagle, struct'));
    await userEvent.click(screen.getByRole('radio', { name: 'Split into writes' }));
    const size = screen.getByRole('spinbutton', { name: 'Bytes per write' });
    await userEvent.clear(size);
    await userEvent.type(size, '16');
    expect(screen.getByText(/55 B as 4 writes/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'socket.send', split: { chunkSize: 16, delayMs: 0, repeat: 1 } }),
      undefined,
    );
  });

  it('frames the message with seed 002’s padded length, and says how big the frame is', async () => {
    const { store, entry } = withClient();
    const { send, container } = renderWithPlayground(<SendBox entry={entry} disabled={false} />, { store });
    const message = screen.getByRole('textbox', { name: 'Message' });
    await userEvent.clear(message);
    await userEvent.type(message, '"hola"');
    await userEvent.click(screen.getByText('Writes, framing, Nagle, struct'));
    await userEvent.selectOptions(
      container.querySelector('.send-options select[name="framing"]')!,
      'seed002-padded-length',
    );
    expect(screen.getByText(/64 B once framed/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ framing: seed002PaddedLength }), undefined);
  });

  it('turns Nagle off with TCP_NODELAY', async () => {
    const { store, entry } = withClient();
    const { send } = renderWithPlayground(<SendBox entry={entry} disabled={false} />, { store });
    await userEvent.click(screen.getByText('Writes, framing, Nagle, struct'));
    await userEvent.click(screen.getByRole('checkbox', { name: /Nagle’s algorithm/ }));
    expect(send).toHaveBeenCalledWith({ type: 'socket.setNoDelay', socketId: 's2', noDelay: true }, undefined);
  });
});

describe('the recv() size of a running socket', () => {
  it('sets one of the seeds’ sizes, and pauses reading', async () => {
    const { store, entry } = withClient();
    const { send } = renderWithPlayground(<ReadControls entry={entry} disabled={false} />, { store });
    // The slider says the size itself, not its position on the logarithmic track.
    const slider = screen.getByRole('slider');
    expect(slider).toHaveAttribute('aria-valuenow', String(entry.info.recvSize));
    // In the page's language, like every number: 1,024 in English.
    expect(entry.info.recvSize).toBe(1024);
    expect(slider).toHaveAttribute('aria-valuetext', '1,024 bytes per recv()');
    // Each preset's name is the number it shows.
    const sizes = screen.getByRole('radiogroup', { name: 'Sizes used in the tutorials' });
    await userEvent.click(within(sizes).getByRole('radio', { name: '16' }));
    await waitFor(() =>
      expect(send).toHaveBeenCalledWith({ type: 'socket.setRecvSize', socketId: 's2', recvSize: 16 }, undefined),
    );
    expect(slider).toHaveAttribute('aria-valuenow', '16');
    await userEvent.click(screen.getByRole('button', { name: 'Pause reading' }));
    expect(send).toHaveBeenCalledWith({ type: 'socket.pauseReading', socketId: 's2', paused: true }, undefined);
  });
});

describe('the frames pane', () => {
  it('shows a JSON frame padded to 60 bytes, read in four pieces, as one decoded frame', async () => {
    const store = connectedStore();
    const wire = new Wire();
    const frame = encodeJsonFrame(seed002PaddedLength, { nombre: 'Margot', edad: 15 });
    const framedServer = { ...server, behaviour: 'framed-json' as const, framing: seed002PaddedLength };
    const framedConn = { ...conn, behaviour: 'framed-json' as const, framing: seed002PaddedLength };
    const pieces = [0, 16, 32, 48].map((at) => wire.recv('s3', frame.subarray(at, at + 16)));
    store
      .getState()
      .receiveBatches([batch([wire.opened(framedServer), wire.opened(framedConn), ...pieces.slice(0, 2)])]);
    act(() => {
      store.getState().select('1:s3');
      store.getState().showView('frames');
    });
    renderWithPlayground(<Inspector />, { store });
    expect(screen.getByTestId('frame-partial')).toHaveTextContent('Frame in progress: 32 of 64 bytes');
    act(() => store.getState().receiveBatches([batch(pieces.slice(2))]));
    expect(screen.getAllByTestId('frame')).toHaveLength(1);
    expect(screen.queryByTestId('frame-partial')).toBeNull();
    expect(screen.getByTestId('frame-json').textContent).toBe(JSON.stringify({ nombre: 'Margot', edad: 15 }, null, 2));
    expect(screen.getByTestId('frame')).toHaveTextContent('prefix 00 00 00 3c = 60');
  });
});
