import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createPageStores } from '../src/app/PageStores.tsx';
import { CompareView } from '../src/features/compare/CompareView.tsx';
import { explainRun } from '../src/features/compare/explain.ts';
import { analyzeLane, type LaneSummary } from '../src/features/compare/model/analyze.ts';
import { PRESETS } from '../src/features/conditions/model/presets.ts';
import { renderWithPlayground } from './support/render.tsx';

// The latency chart draws on a canvas jsdom does not have; this test is about the words beside it.
vi.mock('../src/features/compare/LatencyChart.tsx', () => ({ LatencyChart: () => null }));

const summary = (over: Partial<LaneSummary>): LaneSummary => ({
  sent: 200,
  delivered: 200,
  deliveredPct: 100,
  inOrder: 200,
  inOrderPct: 100,
  duplicates: 0,
  missing: 0,
  p50: 40,
  p95: 90,
  maxLatency: 100,
  ...over,
});

/** A lane where `arrived` of `sent` messages have arrived so far, 10 ms each. */
function lane(sent: number, arrived: number, finished: boolean) {
  const sentAt = new Map(Array.from({ length: sent }, (_, i) => [i + 1, i * 10] as [number, number]));
  const arrivals = Array.from({ length: arrived }, (_, i) => ({ n: i + 1, t: i * 10 + 5 }));
  return analyzeLane(200, sentAt, arrivals, finished);
}

describe('the network lab says only what the run’s numbers back', () => {
  it('a Chaos run where UDP’s slowest message was slower than TCP’s does not say “TCP paid in time”', () => {
    const tcp = summary({ maxLatency: 250 });
    const udp = summary({ maxLatency: 280, delivered: 158, missing: 42, inOrder: 150 });
    const keys = explainRun(tcp, udp, PRESETS.chaos, 0).map((r) => r.key);
    expect(keys).toContain('timeUdp');
    expect(keys).not.toContain('timeTcp');
    expect(keys).toContain('noRetransmits');
    expect(explainRun(summary({ maxLatency: 900 }), udp, PRESETS.chaos, 3).map((r) => r.key)).toEqual([
      'timeTcp',
      'retransmitted',
      'udpLost',
      'udpLate',
    ]);
  });

  it('the explanation on the page follows those numbers', () => {
    const stores = createPageStores();
    stores.compare.setState({
      status: 'done',
      settings: PRESETS.chaos,
      tcp: { messages: [], arrivalOrder: [], summary: summary({ maxLatency: 250 }) },
      udp: {
        messages: [],
        arrivalOrder: [],
        summary: summary({ maxLatency: 280, delivered: 190, missing: 10, inOrder: 190 }),
      },
    });
    renderWithPlayground(<CompareView />, { stores });
    const verdict = screen.getByTestId('compare-verdict');
    expect(verdict).toHaveTextContent('This time UDP’s slowest message (280 ms) took longer than TCP’s (250 ms)');
    expect(verdict).not.toHaveTextContent('TCP paid for its guarantee in time');
    expect(verdict).toHaveTextContent('UDP lost 10 messages for good');
  });

  it('mid-run, messages not arrived yet are “on the way”, not a delivery percentage that reads as loss', () => {
    const stores = createPageStores();
    stores.compare.setState({
      status: 'sending',
      settings: PRESETS.perfect,
      tcp: lane(99, 80, false),
      udp: lane(99, 99, false),
    });
    renderWithPlayground(<CompareView />, { stores });
    const tcpCard = screen.getByTestId('compare-summary-tcp');
    expect(within(tcpCard).queryByText(/80[.,]8 %/)).toBeNull();
    expect(within(tcpCard).getByTestId('compare-so-far-tcp')).toHaveTextContent(
      'Arrived so far80 of 9919 sent, not arrived yet: the run is not over, so nothing counts as lost',
    );
  });

  it('picking another network clears a finished run’s results', async () => {
    const stores = createPageStores();
    stores.compare.setState({
      status: 'done',
      settings: PRESETS.perfect,
      tcp: lane(200, 200, true),
      udp: lane(200, 200, true),
    });
    renderWithPlayground(<CompareView />, { stores });
    expect(screen.getByTestId('compare-verdict')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: /Chaos/ }));
    await act(async () => {});
    expect(stores.compare.getState().status).toBe('idle');
    expect(screen.queryByTestId('compare-verdict')).toBeNull();
  });
});
