import type { SocketInfo } from '@playground/protocol';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createPageStores } from '../src/app/PageStores.tsx';
import { FlowView } from '../src/features/flow/FlowView.tsx';
import { SocketList } from '../src/features/sockets/SocketList.tsx';
import { SpawnPanel } from '../src/features/spawn/SpawnPanel.tsx';
import { connectedStore, renderWithPlayground } from './support/render.tsx';
import { batch, client, conn, endpoint, server, Wire } from './support/wire.ts';

/** The learner's server s1 with client s2 / conn s3, then a network lab run: server s4, sensor s5, conn s6. */
function withLabRun() {
  const store = connectedStore();
  const wire = new Wire();
  const labServer: SocketInfo = { ...server, id: 's4', local: endpoint('127.0.0.1', 47000), behaviour: 'sensor' };
  const sensor: SocketInfo = {
    ...client,
    id: 's5',
    local: endpoint('127.0.0.1', 52000),
    remote: endpoint('127.0.0.1', 47000),
  };
  const labConn: SocketInfo = {
    ...conn,
    id: 's6',
    parentId: 's4',
    local: endpoint('127.0.0.1', 47000),
    remote: endpoint('127.0.0.1', 52000),
  };
  store
    .getState()
    .receiveBatches([
      batch(
        [server, client, conn, labServer, sensor, labConn].flatMap((s) => [
          wire.opened(s),
          ...(s.kind === 'tcp-server' ? [wire.event('listening', s.id, 'tcp-server', { local: s.local! })] : []),
        ]),
      ),
    ]);
  const stores = createPageStores();
  stores.netLab.setState({ labKeys: { '1:s4': true, '1:s5': true } });
  return { store, stores };
}

describe('views follow what the learner does', () => {
  it('the flow view opens on the selected server’s connection, not the newest one (a network lab sensor)', () => {
    const run = withLabRun();
    act(() => run.store.getState().select('1:s1'));
    renderWithPlayground(<FlowView />, run);
    expect(screen.getByTestId('flow-pair')).toHaveValue('1:s2');
  });

  it('with nothing selected, the flow view shows the learner’s newest connection, not the lab’s', () => {
    renderWithPlayground(<FlowView />, withLabRun());
    expect(screen.getByTestId('flow-pair')).toHaveValue('1:s2');
  });

  it('“Many clients” aims at the learner’s newest server, not the network lab’s sensor server', () => {
    renderWithPlayground(<SpawnPanel />, withLabRun());
    expect(screen.getByLabelText('Port')).toHaveValue(65432);
  });

  it('20 spawned clients are one folded card in the list, and their 20 connections one in the server', async () => {
    const store = connectedStore();
    const wire = new Wire();
    const events = [wire.opened(server)];
    for (let i = 0; i < 20; i++) {
      const port = 51000 + i;
      events.push(
        wire.opened({ ...client, id: `c${i}`, local: endpoint('127.0.0.1', port), group: 'spawn-2' }),
        wire.opened({ ...conn, id: `a${i}`, remote: endpoint('127.0.0.1', port) }),
      );
    }
    store.getState().receiveBatches([batch(events)]);
    renderWithPlayground(<SocketList />, { store });
    const groups = screen.getAllByTestId('socket-group');
    expect(groups.map((g) => g.getAttribute('data-count'))).toEqual(['20', '20']);
    expect(groups[1]).toHaveTextContent('group 2: 20 clients from “Many clients”, 20 open, 0 B');
    expect(groups[0]).toHaveTextContent('group 2: 20 connections, 20 open, 0 B');
    // Folded, the group makes no cards; opened, all twenty.
    expect(within(groups[1]!).queryAllByTestId('socket-card')).toHaveLength(0);
    await userEvent.click(within(groups[1]!).getByText(/20 clients/));
    expect(groups[1]).toHaveAttribute('open');
    expect(within(groups[1]!).getAllByTestId('socket-card')).toHaveLength(20);
    // Twenty full cards in jsdom: seconds on a machine shared with other test runs.
  }, 20_000);

  it('after a spawn the form folds away, so the groups get the pane', async () => {
    const store = connectedStore();
    store.getState().receiveBatches([batch([new Wire().opened(server)])]);
    const { container } = renderWithPlayground(<SpawnPanel />, {
      store,
      reply: async () => ({ sockets: [{ ...client, group: 'spawn-1' }] }),
    });
    expect(container.querySelector('.spawn__form details')).toHaveAttribute('open');
    await userEvent.click(screen.getByRole('button', { name: 'Spawn clients' }));
    expect(container.querySelector('.spawn__form details')).not.toHaveAttribute('open');
  });
});
