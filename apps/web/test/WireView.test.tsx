import type { KernelRow } from '@playground/protocol';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TcpInternals } from '../src/features/kernel/TcpInternals.tsx';
import { WireView } from '../src/features/wire/WireView.tsx';
import { connectedStore, renderWithPlayground } from './support/render.tsx';

describe('the wire view', () => {
  it('asks the bridge to capture while open, and stops when it closes', () => {
    const { send, unmount } = renderWithPlayground(<WireView />);
    expect(send).toHaveBeenCalledWith({ type: 'wire.watch' });
    unmount();
    expect(send).toHaveBeenLastCalledWith({ type: 'wire.unwatch' });
  });

  it('says capture is not permitted, in the tool’s words, and how to allow it on this system first', async () => {
    const store = connectedStore();
    store.getState().receiveWireStatus({
      type: 'wire-status',
      state: 'not-permitted',
      reason: "tcpdump: lo0: You don't have permission to capture on that device",
      platform: 'darwin',
      segmentsPerSecond: 1000,
    });
    const { send } = renderWithPlayground(<WireView />, { store });
    expect(screen.getByRole('status')).toHaveTextContent('The playground may not capture packets on this computer.');
    expect(screen.getByTestId('capture-reason')).toHaveTextContent("You don't have permission");
    const platforms = screen.getAllByRole('group').filter((el) => el.hasAttribute('data-platform'));
    expect(platforms.map((p) => [p.getAttribute('data-platform'), p.hasAttribute('open')])).toEqual([
      ['macos', true],
      ['linux', false],
      ['windows', false],
    ]);
    expect(within(platforms[0] as HTMLElement).getByText(/ChmodBPF/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(send).toHaveBeenLastCalledWith({ type: 'wire.watch' });
  });

  it('says a class was started without capture, and how the teacher turns it on', () => {
    const store = connectedStore();
    store.getState().receiveWireStatus({
      type: 'wire-status',
      state: 'disabled',
      reason: 'The teacher did not turn packet capture on when starting the class (pnpm start --lan --capture).',
      platform: 'linux',
      segmentsPerSecond: 1000,
    });
    renderWithPlayground(<WireView />, { store });
    expect(screen.getByTestId('capture-help')).toHaveTextContent('pnpm start --lan --capture');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});

describe('TCP internals in the OS view', () => {
  it('shows each connection’s RTT, windows and what the kernel acknowledged', () => {
    const row: KernelRow = {
      family: 'IPv4',
      local: { address: '127.0.0.1', port: 50000 },
      remote: { address: '127.0.0.1', port: 65432 },
      state: 'ESTABLISHED',
      sendQueue: 0,
      recvQueue: 0,
      inode: 1,
      tcp: {
        rttMs: 0.036,
        rttVarMs: 0.014,
        cwnd: 10,
        mss: 32768,
        bytesAcked: 56,
        sendWindow: 65536,
        deliveryRateBps: 25e9,
      },
    };
    renderWithPlayground(<TcpInternals rows={[row]} status={{ available: true, source: 'ss -tin' }} epoch={1} />);
    const cells = screen.getAllByTestId('tcp-internals-row')[0] as HTMLElement;
    const value = (column: string) => cells.querySelector(`[data-column="${column}"]`)?.textContent;
    expect(value('rtt')).toBe('0.036 ms ± 0.014 ms');
    expect(value('acked')).toBe('56');
    expect(value('sendWindow')).toBe('65,536');
    expect(value('delivery')).toBe('25.0 Gbit/s');
  });

  it('says why there are no internals where ss is missing', () => {
    renderWithPlayground(
      <TcpInternals
        rows={[]}
        status={{ available: false, reason: 'The ss command (iproute2) is not installed' }}
        epoch={1}
      />,
    );
    expect(screen.getByTestId('tcp-internals-unavailable')).toHaveTextContent('iproute2');
  });
});
