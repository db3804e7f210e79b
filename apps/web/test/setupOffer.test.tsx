import type { CommandBody } from '@playground/protocol';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createPageStores } from '../src/app/PageStores.tsx';
import { ResumeBanner } from '../src/features/resume/ResumeBanner.tsx';
import { renderWithPlayground } from './support/render.tsx';

describe('opening a setup link', () => {
  it('counts what it sets up in words with plural forms, and says which taken port was replaced', async () => {
    const stores = createPageStores();
    stores.share.setState({
      offered: {
        v: 1,
        items: [
          { kind: 'tcp-server', host: '127.0.0.1', port: 65432, recvSize: 16 },
          { kind: 'tcp-client', to: { server: 0 }, recvSize: 1024 },
          { kind: 'tcp-client', to: { server: 0 }, recvSize: 1024 },
        ],
      },
    });
    renderWithPlayground(<ResumeBanner />, {
      stores,
      reply: async (command: CommandBody) => {
        if (command.type === 'port.suggest') return { port: 65433 };
        if (command.type === 'tcp.listen')
          return {
            socket: {
              id: 's1',
              kind: 'tcp-server',
              recvSize: 16,
              local: { address: '127.0.0.1', port: 65433, family: 'IPv4' },
            },
          };
        return {};
      },
    });
    const offer = screen.getByTestId('setup-offer');
    expect(offer).toHaveTextContent('This link sets up 1 server and 2 clients.');
    expect(offer).not.toHaveTextContent('(s)');
    await userEvent.click(within(offer).getByRole('button', { name: 'Create them' }));
    expect(await screen.findByTestId('setup-moved')).toHaveTextContent(
      'A port of the link was taken on this computer, so its server got a free one: TCP 65432 → 65433.',
    );
  });
});
