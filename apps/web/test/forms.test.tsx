import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ClientForm } from '../src/features/clients/ClientForm.tsx';
import { ServerForm } from '../src/features/servers/ServerForm.tsx';
import { renderWithPlayground } from './support/render.tsx';
import { client } from './support/wire.ts';

describe('ServerForm', () => {
  it('starts the seed echo server: tcp.listen on 127.0.0.1:65432 with recv(16)', async () => {
    const { send } = renderWithPlayground(<ServerForm />);
    const form = screen.getByTestId('server-form');
    await userEvent.click(within(form).getByRole('button', { name: 'Start server' }));
    expect(send).toHaveBeenCalledWith(
      {
        type: 'tcp.listen',
        host: '127.0.0.1',
        port: 65432,
        recvSize: 16,
        backlog: 128,
        behaviour: 'echo',
        concurrency: 'concurrent',
        reuseAddress: true,
      },
      undefined,
    );
  });

  it('starts a server like the seeds’ (no SO_REUSEADDR) when asked, and says what that changes', async () => {
    const { send } = renderWithPlayground(<ServerForm />);
    const form = screen.getByTestId('server-form');
    const box = within(form).getByLabelText('Like the seeds: no SO_REUSEADDR');
    expect(box).not.toBeChecked();
    expect(within(form).getByText(/starting again fails with “Address already in use”/)).toBeInTheDocument();
    await userEvent.click(box);
    await userEvent.click(within(form).getByRole('button', { name: 'Start server' }));
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ type: 'tcp.listen', reuseAddress: false }), undefined);
  });

  it('serves one client at a time when asked, and explains what that means', async () => {
    const { send } = renderWithPlayground(<ServerForm />);
    const form = screen.getByTestId('server-form');
    await userEvent.selectOptions(within(form).getByLabelText('Serving clients'), 'one-at-a-time');
    expect(within(form).getByText(/the next client is served only when the current one closes/)).toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: 'Start server' }));
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'tcp.listen', concurrency: 'one-at-a-time' }),
      undefined,
    );
  });

  it('binds a UDP echo server with the chosen host, port and recv size', async () => {
    const { send } = renderWithPlayground(<ServerForm />);
    const form = screen.getByTestId('server-form');
    await userEvent.click(within(form).getByRole('radio', { name: 'UDP' }));
    expect(within(form).queryByLabelText('Backlog')).not.toBeInTheDocument();
    await userEvent.selectOptions(within(form).getByLabelText('Host'), '::1');
    const port = within(form).getByLabelText('Port');
    await userEvent.clear(port);
    await userEvent.type(port, '5005');
    await userEvent.click(within(form).getByRole('radio', { name: 'recvfrom(512)' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Start server' }));
    expect(send).toHaveBeenCalledWith(
      { type: 'udp.bind', host: '::1', port: 5005, recvSize: 512, behaviour: 'echo' },
      undefined,
    );
  });

  it('explains an invalid field and sends nothing', async () => {
    const { send } = renderWithPlayground(<ServerForm />);
    const form = screen.getByTestId('server-form');
    const recv = within(form).getByLabelText('Receive buffer, bytes');
    await userEvent.clear(recv);
    await userEvent.type(recv, '0');
    await userEvent.click(within(form).getByRole('button', { name: 'Start server' }));
    // Only the form's own question about a free port went out.
    expect(send.mock.calls.map(([c]) => c?.type)).toEqual(['port.suggest']);
    expect(within(form).getByText('Receive buffer must be a whole number from 1 to 65536.')).toBeInTheDocument();
    expect(recv).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('ClientForm', () => {
  it('connects like echo-client.py and selects the new socket', async () => {
    const { send, store } = renderWithPlayground(<ClientForm />, { reply: async () => ({ socket: client }) });
    const form = screen.getByTestId('client-form');
    await userEvent.click(within(form).getByRole('button', { name: 'Connect' }));
    expect(send).toHaveBeenCalledWith(
      { type: 'tcp.connect', host: '127.0.0.1', port: 65432, recvSize: 1024, timeoutMs: 5000 },
      { timeoutMs: 10000 },
    );
    expect(store.getState().selection.key).toBe('1:s2');
    expect(store.getState().sockets['1:s2']?.info.kind).toBe('tcp-client');
  });

  it('opens a UDP client as an endpoint with a default peer', async () => {
    const { send } = renderWithPlayground(<ClientForm />);
    const form = screen.getByTestId('client-form');
    await userEvent.click(within(form).getByRole('radio', { name: 'UDP' }));
    const host = within(form).getByLabelText('Host');
    await userEvent.clear(host);
    await userEvent.type(host, '::1');
    await userEvent.click(within(form).getByRole('button', { name: 'Open UDP client' }));
    expect(send).toHaveBeenCalledWith(
      {
        type: 'udp.bind',
        host: '::1',
        port: 0,
        recvSize: 1024,
        behaviour: 'none',
        remote: { host: '::1', port: 65432 },
      },
      { timeoutMs: undefined },
    );
  });

  it('takes host and port from a server card, ready to press Connect', async () => {
    const { store, send } = renderWithPlayground(<ClientForm />);
    store.getState().prefillClient({ protocol: 'tcp', host: '127.0.0.1', port: 6000 });
    const form = screen.getByTestId('client-form');
    expect(await within(form).findByRole('status')).toHaveTextContent('127.0.0.1:6000');
    expect(within(form).getByRole('button', { name: 'Connect' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ type: 'tcp.connect', port: 6000 }), expect.anything());
  });
});
