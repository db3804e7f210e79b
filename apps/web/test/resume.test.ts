import { describe, expect, it, vi } from 'vitest';
import { BridgeClient, type BridgeHandlers, type SocketLike } from '../src/bridge/client.ts';
import { applySnapshot } from '../src/features/resume/model/applySnapshot.ts';
import { createPlaygroundStore } from '../src/store/store.ts';
import { welcome } from './support/render.tsx';
import { batch, client, conn, server, text, Wire } from './support/wire.ts';

const kept = { ...welcome, resumeToken: 'test-session.secret', resumeGraceMs: 30_000, resumed: false };
const snap = (s: typeof client, state: 'established' | 'listening' | 'closed', bytes = 0) => ({
  socket: s,
  state,
  counters: { bytesIn: bytes, bytesOut: bytes, reads: bytes ? 1 : 0, writes: bytes ? 1 : 0 },
  finSent: false,
  finReceived: false,
});

describe('resuming a session on the page', () => {
  it('keeps the sockets open through a drop of a kept session, and after the resume applies only what it missed', () => {
    const store = createPlaygroundStore();
    const wire = new Wire();
    store.getState().receiveWelcome(kept);
    const early = [wire.opened(server), wire.opened(client), wire.opened(conn), wire.send('s2', text('hola'))];
    store.getState().receiveBatches([batch(early)]);
    store.getState().receiveStatus({ status: 'reconnecting', retryAt: Date.now() + 500 });
    expect(store.getState().sockets['1:s2']).toMatchObject({ state: 'connecting', stale: false });
    expect(store.getState().sessionLost).toBeNull();

    store.getState().receiveWelcome({ ...kept, resumed: true });
    expect(store.getState().epoch).toBe(1);
    const missed = [wire.recv('s3', text('hola')), wire.event('closed', 's3', 'tcp-conn', { hadError: false })];
    const { state, closedWhileAway } = applySnapshot(store.getState(), {
      sessionId: 'test-session',
      truncated: 0,
      // The snapshot repeats recent events the page already has: those must not be applied twice.
      events: [...early, ...missed],
      sockets: [snap(server, 'listening'), snap(client, 'established', 4), snap(conn, 'closed', 4)],
    });
    expect(state.sockets['1:s3']?.received.end).toBe(4);
    expect(state.sockets['1:s2']?.sent.end).toBe(4);
    expect(state.log.tail - state.log.head).toBe(6);
    expect(closedWhileAway).toEqual(['s3']);
    expect(state.sockets['1:s2']?.counters.bytesOut).toBe(4);
  });

  it('rebuilds a reloaded page from the snapshot alone', () => {
    const store = createPlaygroundStore();
    const wire = new Wire();
    store.getState().receiveWelcome({ ...kept, resumed: true });
    const { state, closedWhileAway } = applySnapshot(store.getState(), {
      sessionId: 'test-session',
      truncated: 0,
      events: [wire.opened(server), wire.opened(client)],
      // `conn` has no events left in the history; the snapshot still brings it.
      sockets: [snap(server, 'listening'), snap(client, 'established', 7), snap(conn, 'established', 7)],
    });
    expect(state.order).toEqual(['1:s1', '1:s2', '1:s3']);
    expect(state.sockets['1:s3']?.info.parentId).toBe('s1');
    expect(state.sockets['1:s1']?.children).toEqual(['1:s3']);
    expect(state.sockets['1:s2']?.counters.bytesIn).toBe(7);
    expect(closedWhileAway).toEqual([]);
  });

  it('closes the sockets when the kept session was not resumed after all, and says how many', () => {
    const store = createPlaygroundStore();
    const wire = new Wire();
    store.getState().receiveWelcome(kept);
    store.getState().receiveBatches([batch([wire.opened(server), wire.opened(client)])]);
    store.getState().receiveStatus({ status: 'reconnecting', retryAt: 0 });
    store.getState().receiveWelcome({ ...kept, sessionId: 'new-session' });
    expect(store.getState().epoch).toBe(2);
    expect(store.getState().sockets['1:s1']).toMatchObject({ state: 'closed', stale: true });
    expect(store.getState().sessionLost).toEqual({ closed: 2 });
  });
});

class FakeSocket implements SocketLike {
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  send() {}
  close() {}
  deliver(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

describe('the bridge client', () => {
  it('asks to be kept, resumes with the token of its last welcome, and gives the session up when another tab takes it', async () => {
    vi.useFakeTimers();
    const urls: string[] = [];
    const sockets: FakeSocket[] = [];
    let stored: string | null = null;
    const handlers: BridgeHandlers = { onStatus: vi.fn(), onWelcome: vi.fn(), onBatch: vi.fn(), onNotice: vi.fn() };
    const bridge = new BridgeClient({
      url: 'ws://test/ws',
      token: async () => 'tok en',
      handlers,
      backoffMs: [100],
      resume: { get: () => stored, set: (t) => (stored = t) },
      createSocket: (url) => {
        urls.push(url);
        const s = new FakeSocket();
        sockets.push(s);
        return s;
      },
    });
    bridge.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(urls[0]).toBe('ws://test/ws?token=tok+en&keep=1');
    sockets[0]!.deliver(kept);
    expect(stored).toBe('test-session.secret');
    sockets[0]!.onclose?.({ code: 1006 });
    await vi.advanceTimersByTimeAsync(150);
    expect(urls[1]).toBe('ws://test/ws?token=tok+en&keep=1&resume=test-session.secret');
    sockets[1]!.onclose?.({ code: 4001 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(urls).toHaveLength(2);
    expect(stored).toBeNull();
    expect(handlers.onStatus).toHaveBeenLastCalledWith({ status: 'replaced' });
    bridge.reconnectNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(urls[2]).toBe('ws://test/ws?token=tok+en&keep=1');
    vi.useRealTimers();
  });
});
