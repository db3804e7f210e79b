import type { KernelRow, KernelSnapshot } from '@playground/protocol';
import { describe, expect, it } from 'vitest';
import {
  applyKernelSnapshot,
  emptyKernelView,
  type KernelViewData,
  MAX_TIMELINES,
  rowKey,
  setKernelWatching,
} from '../src/store/kernelView.ts';

const row = (local: number, remote: number, state: KernelRow['state'], socketId?: string): KernelRow => ({
  family: 'IPv4',
  local: { address: '127.0.0.1', port: local },
  remote: { address: '127.0.0.1', port: remote },
  state,
  sendQueue: 0,
  recvQueue: 0,
  inode: local * 100000 + remote,
  ...(socketId ? { socketId } : {}),
});

const snap = (t: number, rows: KernelRow[], scope: KernelSnapshot['scope'] = 'playground'): KernelSnapshot => ({
  type: 'kernel',
  available: true,
  source: '/proc/net/tcp',
  t,
  scope,
  rows,
  truncated: 0,
});

const states = (view: KernelViewData, r: KernelRow) => view.timelines[rowKey(r)]?.steps.map((s) => `${s.state}@${s.t}`);

describe('the kernel view in the store', () => {
  it('follows each connection: a new state is added once, with the time first seen, and "gone" when the row vanishes', () => {
    const client = row(40001, 5000, 'ESTABLISHED', 's2');
    const server = row(5000, 40001, 'ESTABLISHED', 's3');
    let view = setKernelWatching(emptyKernelView(), true);
    view = applyKernelSnapshot(view, snap(10, [client, server]), 1);
    view = applyKernelSnapshot(view, snap(20, [client, server]), 1);
    view = applyKernelSnapshot(
      view,
      snap(30, [
        { ...client, state: 'FIN_WAIT2' },
        { ...server, state: 'CLOSE_WAIT' },
      ]),
      1,
    );
    view = applyKernelSnapshot(view, snap(40, [{ ...client, state: 'TIME_WAIT' }]), 1);
    expect(states(view, client)).toEqual(['ESTABLISHED@10', 'FIN_WAIT2@30', 'TIME_WAIT@40']);
    expect(states(view, server)).toEqual(['ESTABLISHED@10', 'CLOSE_WAIT@30', 'gone@40']);
    expect(view.timelines[rowKey(client)]?.socket).toBe('1:s2');
    expect(view.order).toEqual([rowKey(client), rowKey(server)]);
  });

  it('does not call a row gone when only the filter changed or the view was closed in between', () => {
    const outside = row(40009, 5000, 'ESTABLISHED');
    let view = setKernelWatching(emptyKernelView(), true);
    view = applyKernelSnapshot(view, snap(10, [outside], 'ports'), 1);
    view = applyKernelSnapshot(view, snap(20, [], 'playground'), 1);
    expect(states(view, outside)).toEqual(['ESTABLISHED@10']);
    view = applyKernelSnapshot(view, snap(30, [outside], 'ports'), 1);
    view = setKernelWatching(view, false);
    view = setKernelWatching(view, true);
    view = applyKernelSnapshot(view, snap(40, [], 'ports'), 1);
    expect(states(view, outside)).toEqual(['ESTABLISHED@10']);
  });

  it('keeps a bounded number of timelines, dropping finished ones first', () => {
    let view = setKernelWatching(emptyKernelView(), true);
    const live = row(1, 2, 'ESTABLISHED');
    view = applyKernelSnapshot(view, snap(1, [live]), 1);
    for (let i = 0; i < MAX_TIMELINES + 20; i++) {
      view = applyKernelSnapshot(view, snap(i + 2, [live, row(10000 + i, 5000, 'TIME_WAIT')]), 1);
    }
    expect(view.order).toHaveLength(MAX_TIMELINES);
    expect(view.timelines[rowKey(live)]).toBeDefined();
  });
});
