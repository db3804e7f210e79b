import { describe, expect, it } from 'vitest';
import { BatchTap } from '../src/bridge/batchTap.ts';
import { storeHandlers } from '../src/bridge/handlers.ts';
import { connectedStore } from './support/render.tsx';
import { batch, client, server, Wire } from './support/wire.ts';

describe('storeHandlers', () => {
  it('applies a burst of event messages as one store update', () => {
    const store = connectedStore();
    const pending: (() => void)[] = [];
    const handlers = storeHandlers(store, new BatchTap(), (flush) => pending.push(flush));
    let updates = 0;
    store.subscribe(() => updates++);
    const wire = new Wire();
    handlers.onBatch(batch([wire.opened(server)]));
    handlers.onBatch(batch([wire.opened(client)]));
    expect(pending).toHaveLength(1);
    expect(store.getState().order).toEqual([]);
    pending[0]?.();
    expect(updates).toBe(1);
    expect(store.getState().order).toEqual(['1:s1', '1:s2']);
  });

  it('applies queued events before the session ends, so they land on the right sockets', () => {
    const store = connectedStore();
    const handlers = storeHandlers(store, new BatchTap(), () => {});
    handlers.onBatch(batch([new Wire().opened(server)]));
    handlers.onStatus({ status: 'reconnecting', retryAt: 0 });
    expect(store.getState().sockets['1:s1']).toMatchObject({ state: 'closed', stale: true });
    expect(store.getState().sessionLost).toEqual({ closed: 1 });
  });
});
