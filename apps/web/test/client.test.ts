import { CLOSE_RESUMED_ELSEWHERE, CLOSE_TOO_FAR_BEHIND } from '@playground/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeClient, type BridgeHandlers, bridgeUrl, type SocketLike } from '../src/bridge/client.ts';
import { fetchToken } from '../src/bridge/token.ts';
import { welcome } from './support/render.tsx';

/** A socket the test drives by hand: what the page sent, and what the "bridge" answers. */
class FakeSocket implements SocketLike {
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  readonly sent: Record<string, unknown>[] = [];
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {}
  deliver(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop() {
    this.onclose?.();
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const handlers: BridgeHandlers = { onStatus: vi.fn(), onWelcome: vi.fn(), onBatch: vi.fn(), onNotice: vi.fn() };
  const client = new BridgeClient({
    url: 'ws://test/ws',
    handlers,
    requestTimeoutMs: 1000,
    backoffMs: [500, 1000],
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
  });
  client.start();
  const current = () => sockets.at(-1) as FakeSocket;
  return { client, handlers, sockets, current };
}

describe('BridgeClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('numbers commands and resolves or rejects each by its reply', async () => {
    const { client, current } = setup();
    current().deliver(welcome);
    const ok = client.send({ type: 'tcp.end', socketId: 's1' });
    const bad = client.send({ type: 'tcp.reset', socketId: 's9' });
    expect(current().sent).toEqual([
      { type: 'tcp.end', socketId: 's1', id: 1 },
      { type: 'tcp.reset', socketId: 's9', id: 2 },
    ]);
    current().deliver({ type: 'reply', re: 2, ok: false, error: { code: 'unknown_socket', message: 'no s9' } });
    current().deliver({ type: 'reply', re: 1, ok: true, result: {} });
    await expect(ok).resolves.toEqual({});
    await expect(bad).rejects.toMatchObject({ info: { code: 'unknown_socket' } });
  });

  it('settles the replies inside an events message once the batch is handed over', async () => {
    const { client, handlers, current } = setup();
    current().deliver(welcome);
    const order: string[] = [];
    vi.mocked(handlers.onBatch).mockImplementation(() => order.push('batch'));
    const sent = client.send({ type: 'tcp.end', socketId: 's1' }).then(() => order.push('reply 1'));
    current().deliver({
      type: 'events',
      events: [],
      folded: 0,
      counters: {},
      replies: [{ type: 'reply', re: 1, ok: true, result: {} }],
    });
    await sent;
    expect(order).toEqual(['batch', 'reply 1']);
  });

  it('times out a command the bridge never answers', async () => {
    const { client, current } = setup();
    current().deliver(welcome);
    const pending = client.send({ type: 'tcp.end', socketId: 's1' });
    vi.advanceTimersByTime(1001);
    await expect(pending).rejects.toMatchObject({ info: { code: 'request_timeout' } });
  });

  it('refuses to send before the welcome', async () => {
    const { client } = setup();
    await expect(client.send({ type: 'tcp.end', socketId: 's1' })).rejects.toMatchObject({
      info: { code: 'disconnected' },
    });
  });

  it('ignores messages the protocol does not allow, and passes the valid ones on', () => {
    const { handlers, current } = setup();
    current().onmessage?.({ data: 'not json' });
    current().deliver({ type: 'events', events: [{ nonsense: true }], folded: 0, counters: {} });
    expect(handlers.onBatch).not.toHaveBeenCalled();
    expect(console.warn).toHaveBeenCalledTimes(2);
    current().deliver({ type: 'events', events: [], folded: 0, counters: {} });
    current().deliver({ type: 'notice', code: 'shutdown', message: 'bye' });
    expect(handlers.onBatch).toHaveBeenCalledTimes(1);
    expect(handlers.onNotice).toHaveBeenCalledTimes(1);
  });

  it('reconnects with growing waits and rejects what was in flight', async () => {
    const { client, handlers, sockets, current } = setup();
    current().deliver(welcome);
    const inFlight = client.send({ type: 'tcp.end', socketId: 's1' });
    current().drop();
    await expect(inFlight).rejects.toMatchObject({ info: { code: 'disconnected' } });
    expect(handlers.onStatus).toHaveBeenLastCalledWith({ status: 'reconnecting', retryAt: Date.now() + 500 });
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(2);
    current().drop();
    expect(handlers.onStatus).toHaveBeenLastCalledWith({ status: 'reconnecting', retryAt: Date.now() + 1000 });
    vi.advanceTimersByTime(1000);
    current().deliver(welcome);
    expect(handlers.onWelcome).toHaveBeenCalledTimes(2);
  });

  it('says the bridge ended the session when the page fell too far behind, and starts a new one', () => {
    const { handlers, sockets, current } = setup();
    handlers.onFellBehind = vi.fn();
    current().deliver(welcome);
    current().onclose?.({ code: CLOSE_TOO_FAR_BEHIND });
    expect(handlers.onFellBehind).toHaveBeenCalledOnce();
    expect(handlers.onStatus).toHaveBeenLastCalledWith({ status: 'reconnecting', retryAt: Date.now() + 500 });
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(2);
  });

  it('says a session another tab took is replaced, at once and only that, and rejects what was in flight', async () => {
    const { client, handlers, sockets, current } = setup();
    current().deliver(welcome);
    const inFlight = client.send({ type: 'socket.close', socketId: 's1' });
    vi.mocked(handlers.onStatus).mockClear();
    current().onclose?.({ code: CLOSE_RESUMED_ELSEWHERE });
    await expect(inFlight).rejects.toMatchObject({ info: { code: 'disconnected' } });
    expect(vi.mocked(handlers.onStatus).mock.calls).toEqual([[{ status: 'replaced' }]]);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    client.reconnectNow();
    expect(sockets).toHaveLength(2);
  });

  it('stops at a bridge of another protocol version', () => {
    const { handlers, sockets, current } = setup();
    current().deliver({ ...welcome, protocolVersion: 99, limits: 'unknown shape' });
    expect(handlers.onStatus).toHaveBeenLastCalledWith({ status: 'incompatible', serverVersion: 99 });
    expect(handlers.onWelcome).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('asks for a fresh token before every attempt, since a restarted bridge has a new one', async () => {
    const urls: string[] = [];
    const sockets: FakeSocket[] = [];
    const tokens = ['first', 'second'];
    const client = new BridgeClient({
      url: 'ws://test/ws',
      handlers: { onStatus: vi.fn(), onWelcome: vi.fn(), onBatch: vi.fn(), onNotice: vi.fn() },
      token: async () => tokens.shift() ?? null,
      backoffMs: [100],
      createSocket: (url) => {
        urls.push(url);
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket;
      },
    });
    client.start();
    await vi.waitFor(() => expect(urls).toHaveLength(1));
    sockets[0]?.drop();
    await vi.advanceTimersByTimeAsync(100);
    expect(urls).toEqual(['ws://test/ws?token=first', 'ws://test/ws?token=second']);
  });

  it('derives the WebSocket address from the page', () => {
    expect(bridgeUrl({ href: 'http://localhost:4780/' })).toBe('ws://localhost:4780/ws');
    expect(bridgeUrl({ href: 'https://lab.example/?present=1#teacher=x' })).toBe('wss://lab.example/ws');
    expect(bridgeUrl({ href: 'https://school.example/class-3b/#join=K7QX2M' })).toBe(
      'wss://school.example/class-3b/ws',
    );
  });
});

describe('fetchToken', () => {
  const json =
    (body: unknown, status = 200) =>
    async () =>
      new Response(JSON.stringify(body), { status });

  it('uses the teacher link’s token without asking the bridge', async () => {
    const fetchJson = vi.fn(json({}));
    await expect(fetchToken({ hash: '#teacher=abc' }, fetchJson)).resolves.toBe('abc');
    expect(fetchJson).not.toHaveBeenCalled();
  });

  it('takes the local token from /api/session, null in LAN mode', async () => {
    await expect(fetchToken({ hash: '' }, json({ mode: 'local', token: 't0k' }))).resolves.toBe('t0k');
    await expect(fetchToken({ hash: '' }, json({ mode: 'lan', token: null }))).resolves.toBeNull();
  });

  it('fails on a refusal or an answer outside the protocol', async () => {
    await expect(fetchToken({ hash: '' }, json({ error: 'no' }, 403))).rejects.toThrow('403');
    await expect(fetchToken({ hash: '' }, json({ mode: 'weird' }))).rejects.toThrow('protocol');
  });
});
