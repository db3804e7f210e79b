import type { CommandBody } from '@playground/protocol';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { ClientForm } from '../src/features/clients/ClientForm.tsx';
import type { AccessState } from '../src/features/join/model/access.ts';
import { EventLog } from '../src/features/log/EventLog.tsx';
import { ServerForm } from '../src/features/servers/ServerForm.tsx';
import { PageProvider, type PageServices } from '../src/page/PageContext.tsx';
import { renderWithPlayground, storeWith } from './support/render.tsx';
import { endpoint, server, Wire } from './support/wire.ts';

const started = { ...server, id: 's4', local: endpoint('127.0.0.1', 65433) };

/** The bridge as the forms meet it: 65432 is taken, 65433 is free, and a listen there succeeds. */
async function bridge(command: CommandBody) {
  if (command.type === 'port.suggest') return { port: command.port === 65432 ? 65433 : command.port };
  if (command.type === 'tcp.listen') return { socket: started };
  return {};
}

const portOf = (testId: string) => within(screen.getByTestId(testId)).getByLabelText('Port') as HTMLInputElement;

describe('the tour’s forms: a free port, and a client that follows the server just started', () => {
  it('proposes a free port when the seed’s 65432 is taken, and says which of your servers holds it', async () => {
    const wire = new Wire();
    const store = storeWith([
      wire.opened(server),
      wire.event('listening', 's1', 'tcp-server', { local: server.local! }),
    ]);
    const { send } = renderWithPlayground(<ServerForm />, { store, reply: bridge });
    expect(send).toHaveBeenCalledWith({ type: 'port.suggest', transport: 'tcp', host: '127.0.0.1', port: 65432 });
    await waitFor(() => expect(portOf('server-form').value).toBe('65433'));
    expect(screen.getByTestId('port-note')).toHaveTextContent(
      'Port 65432 is taken by your server s1, so the form proposes 65433, which is free.',
    );
  });

  it('“Open a client” follows the server just started, so Connect reaches it', async () => {
    const { send } = renderWithPlayground(
      <>
        <ServerForm />
        <ClientForm />
      </>,
      { reply: bridge },
    );
    await waitFor(() => expect(portOf('server-form').value).toBe('65433'));
    await userEvent.click(within(screen.getByTestId('server-form')).getByRole('button', { name: 'Start server' }));
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ type: 'tcp.listen', port: 65433 }), undefined);
    expect(await screen.findByTestId('client-prefilled')).toHaveTextContent(
      'Follows the server you just started, s4 at 127.0.0.1:65433: press Connect.',
    );
    expect(portOf('client-form').value).toBe('65433');
    // Starting a server does not steal the focus from where the learner is.
    expect(within(screen.getByTestId('client-form')).getByRole('button', { name: 'Connect' })).not.toHaveFocus();
  });

  it('asks first when the learner typed a target of their own', async () => {
    renderWithPlayground(
      <>
        <ServerForm />
        <ClientForm />
      </>,
      { reply: bridge },
    );
    await userEvent.clear(portOf('client-form'));
    await userEvent.type(portOf('client-form'), '7000');
    await userEvent.click(within(screen.getByTestId('server-form')).getByRole('button', { name: 'Start server' }));
    const offer = await screen.findByTestId('client-offer');
    expect(offer).toHaveTextContent('You just started s4 at 127.0.0.1:65433. Aim this client there?');
    expect(portOf('client-form').value).toBe('7000');
    await userEvent.click(within(offer).getByRole('button', { name: 'Use it' }));
    expect(portOf('client-form').value).toBe('65433');
  });

  it('in a class, a new server asks the OS for a port (0), says why, and probes nothing', async () => {
    const access = createStore<AccessState>()(() => ({ mode: 'lan', role: 'student' }) as AccessState);
    const page = { access: { store: access } } as unknown as PageServices;
    const { send } = renderWithPlayground(
      <PageProvider page={page}>
        <ServerForm />
      </PageProvider>,
      { reply: bridge },
    );
    expect(portOf('server-form').value).toBe('0');
    expect(screen.getByTestId('port-note')).toHaveTextContent('the OS picks a free port');
    await userEvent.click(within(screen.getByTestId('server-form')).getByRole('button', { name: 'Start server' }));
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ type: 'tcp.listen', port: 0 }), undefined);
    expect(send.mock.calls.some(([c]) => (c as CommandBody).type === 'port.suggest')).toBe(false);
  });
});

describe('UDP in UDP words', () => {
  it('the forms say bind, recvfrom and sendto for UDP, and the log says a UDP socket is bound, not listening', async () => {
    const wire = new Wire();
    const udp = { id: 's7', kind: 'udp' as const, local: endpoint('127.0.0.1', 49842), recvSize: 1024 };
    const store = storeWith([wire.opened(udp), wire.event('listening', 's7', 'udp', { local: udp.local })]);
    renderWithPlayground(
      <>
        <ServerForm />
        <ClientForm />
        <EventLog />
      </>,
      { store },
    );
    await act(async () => {});
    for (const testId of ['server-form', 'client-form']) {
      await userEvent.click(within(screen.getByTestId(testId)).getByRole('radio', { name: 'UDP' }));
      const intro = screen.getByTestId(testId).querySelector('.form__intro')?.textContent ?? '';
      expect(intro).toMatch(/recvfrom\(\)/);
      expect(intro).toMatch(/sendto\(\)/);
      expect(intro).not.toMatch(/accept|connect|listen/);
      expect(within(screen.getByTestId(testId)).getByRole('radio', { name: 'recvfrom(16)' })).toBeInTheDocument();
      expect(screen.getByTestId(testId)).toHaveTextContent('Each recvfrom() returns at most');
    }
    expect(screen.getByText('bind(): bound to 127.0.0.1:49842')).toBeInTheDocument();
    expect(screen.queryByText(/listening on/)).not.toBeInTheDocument();
  });
});
