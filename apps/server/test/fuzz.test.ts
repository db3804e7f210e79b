import { ErrorCode } from '@playground/protocol';
import { BridgeTestClient, until } from '@playground/testkit';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ADMISSION } from '../src/config/config.ts';
import type { Playground } from '../src/index.ts';
import { MAX_WS_PAYLOAD } from '../src/ws/bridge-server.ts';
import { usePlaygrounds } from '../testing/playground.ts';
import { canCountFds, openFds } from './support/os.ts';

/**
 * One message of a fuzz run. Ports and socket ids of valid commands are picked at run time from
 * what the session really has (listeners it opened), so the fuzzer drives real sockets on this
 * session's own loopback servers and never touches anything else on the machine.
 */
type Msg =
  | { kind: 'text'; text: string }
  | { kind: 'binary'; bytes: Uint8Array }
  | { kind: 'json'; value: unknown }
  | { kind: 'command'; body: Record<string, unknown>; portPick: number | undefined; socketPick: number }
  | { kind: 'oversized' };

const KNOWN_PORT = -1;
/** Mostly `good` values, sometimes `bad` ones: valid commands with the occasional hostile field. */
const mostly = <T>(good: readonly T[], bad: readonly T[]) =>
  fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) });

const ids = fc.oneof(
  { weight: 9, arbitrary: fc.nat() },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom(2 ** 53 + 2, -0, 1.5, 1e308, null, true, [], {})),
  },
);
const hosts = mostly(
  ['127.0.0.1', '::1', 'localhost'],
  [
    '0.0.0.0',
    '::',
    '10.0.0.1',
    '169.254.169.254',
    '::ffff:169.254.169.254',
    'fe80::1',
    'a b',
    '-bad-.name',
    '',
    'x'.repeat(300),
  ],
);
const listenPorts = mostly([0], [1, 22, 80, 1023, 65536, -1, 0.5, 2 ** 53 + 2, 1e308]);
const targetPorts = mostly([KNOWN_PORT], [0, 1, 22, 80, 1023, 65536, -1, 0.5, 2 ** 53 + 2, 1e308]);
const payload = fc.record({
  encoding: mostly(['text', 'escaped', 'hex', 'base64'], ['morse']),
  value: fc.oneof(
    { weight: 8, arbitrary: fc.string({ maxLength: 64 }) },
    { weight: 1, arbitrary: fc.constantFrom('zz', '\\x', '%%%', 'AAA=', '\\xZZ', '00ff10', 'aG9sYQ==') },
    { weight: 1, arbitrary: fc.constantFrom(256 * 1024 + 1, 65_508, 20_000).map((n) => 'q'.repeat(n)) },
  ),
});
const recvSizes = mostly([undefined, 1, 16, 1024, 65536], [0, 65537, -5, 1.5]);
const behaviours = mostly([undefined, 'echo', 'none'], ['chaos']);

const validCommand = fc.oneof(
  fc.record({
    type: fc.constant('tcp.listen'),
    host: hosts,
    port: listenPorts,
    recvSize: recvSizes,
    behaviour: behaviours,
  }),
  fc.record({
    type: fc.constant('tcp.connect'),
    host: hosts,
    port: targetPorts,
    recvSize: recvSizes,
    timeoutMs: mostly([undefined, 100, 1000], [99, 60_001]),
  }),
  fc.record({
    type: fc.constant('udp.bind'),
    host: hosts,
    port: listenPorts,
    behaviour: behaviours,
    remote: fc.option(fc.record({ host: hosts, port: targetPorts }), { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('socket.send'),
    data: payload,
    to: fc.option(fc.record({ host: hosts, port: targetPorts }), { nil: undefined, freq: 3 }),
  }),
  fc.record({ type: fc.constantFrom('tcp.end', 'tcp.reset', 'socket.close') }),
  fc.record({ type: fc.constant('socket.setRecvSize'), recvSize: recvSizes }),
);

const message: fc.Arbitrary<Msg> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ kind: 'text' as const, text })),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ kind: 'binary' as const, bytes })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('{', '[1,', '{"id":1,"type":', 'nul', '"\\u12"', '{"id":1}}', '['.repeat(50_000), '1e999')
      .map((text) => ({ kind: 'text' as const, text })),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'json' as const, value })) },
  {
    weight: 2,
    arbitrary: fc
      .record({ id: ids, type: fc.string({ maxLength: 20 }), extra: fc.jsonValue({ maxDepth: 2 }) })
      .map((value) => ({ kind: 'json' as const, value })),
  },
  {
    weight: 40,
    arbitrary: fc
      .tuple(validCommand, ids, fc.nat(), fc.option(fc.nat(), { nil: undefined }))
      .map(([body, id, socketPick, portPick]) => ({
        kind: 'command' as const,
        body: { ...body, id },
        socketPick,
        portPick,
      })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'oversized' as const }) },
);

interface RunState {
  c: BridgeTestClient;
  ports: number[];
}

/** Fills in a port and socket id the session really has, then serializes the message. */
function frame(msg: Msg, state: RunState): string | Uint8Array {
  if (msg.kind === 'binary') return msg.bytes;
  if (msg.kind === 'text') return msg.text;
  if (msg.kind === 'json') return JSON.stringify(msg.value);
  if (msg.kind === 'oversized') return 'x'.repeat(MAX_WS_PAYLOAD + 1);
  const known = state.ports.length ? (state.ports[(msg.portPick ?? 0) % state.ports.length] as number) : 0;
  // A copy every time: fast-check replays generated values while shrinking, so they must not change.
  const fill = (o: Record<string, unknown>): Record<string, unknown> => ({
    ...o,
    ...(o.port === KNOWN_PORT ? { port: known } : {}),
  });
  const body = fill(msg.body);
  for (const key of ['remote', 'to']) {
    const target = body[key];
    if (target && typeof target === 'object') body[key] = fill(target as Record<string, unknown>);
  }
  if (['socket.send', 'tcp.end', 'tcp.reset', 'socket.close', 'socket.setRecvSize'].includes(body.type as string)) {
    // Mostly a socket this session opened (servers, clients, accepted connections), sometimes none.
    const sockets = state.c.events.filter((e) => e.type === 'opened').map((e) => e.socketId);
    const pick = msg.socketPick % (sockets.length + 1);
    body.socketId = sockets[pick] ?? `s${msg.socketPick % 1000}`;
  }
  return JSON.stringify(body);
}

const ERROR_CODES = new Set<string>(ErrorCode.options);

/** Sends one message and checks the contract: exactly one typed reply, or a 1009 close for an oversized frame. */
async function exchange(msg: Msg, state: RunState): Promise<'open' | 'closed'> {
  const { c } = state;
  const before = c.replies.length;
  const data = frame(msg, state);
  c.ws.send(data, { binary: msg.kind === 'binary' });
  if (msg.kind === 'oversized') {
    expect(await c.closed).toBe(1009);
    return 'closed';
  }
  await c.waitFor(
    () => c.replies.length > before || c.violations.length > 0,
    10_000,
    `a reply to ${String(data).slice(0, 80)}`,
  );
  expect(c.violations, 'every message the bridge sends fits the protocol').toEqual([]);
  const reply = c.replies[before];
  if (!reply) throw new Error('no reply');
  if (reply.ok) {
    const port = reply.result.socket?.kind === 'tcp-server' || reply.result.socket?.kind === 'udp';
    if (port && reply.result.socket?.local) state.ports.push(reply.result.socket.local.port);
  } else {
    expect(ERROR_CODES.has(reply.error.code), reply.error.code).toBe(true);
    // `internal` means a bug in the playground (protocol.md): hostile input must never cause one.
    expect(reply.error, String(data).slice(0, 200)).not.toMatchObject({ code: 'internal' });
    expect(reply.error.message.length).toBeGreaterThan(0);
    if (msg.kind === 'binary' || (msg.kind === 'text' && !isJson(msg.text))) expect(reply.error.code).toBe('bad_json');
  }
  return 'open';
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('fuzzing the bridge', () => {
  const pg = usePlaygrounds();
  const escaped: unknown[] = [];
  const onEscape = (err: unknown) => escaped.push(err);
  beforeAll(() => {
    process.on('uncaughtException', onEscape);
    process.on('unhandledRejection', onEscape);
  });
  afterAll(() => {
    process.off('uncaughtException', onEscape);
    process.off('unhandledRejection', onEscape);
  });

  it('answers every message with one typed reply (or closes 1009), never crashes, and releases every descriptor', async () => {
    // Every run is a fresh session, so the upgrade rate limit is lifted for this test.
    const p: Playground = await pg.start({
      admission: { ...DEFAULT_ADMISSION, upgradesPerSecond: 10_000, upgradeBurst: 10_000 },
    });
    const baseline = openFds();
    let messages = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 40 }), async (sequence) => {
        const c = await BridgeTestClient.open(p);
        const state: RunState = { c, ports: [] };
        try {
          for (const msg of sequence) {
            messages++;
            if ((await exchange(msg, state)) === 'closed') break;
          }
          // Exactly one reply each: nothing more trickles in afterwards.
          const replies = c.replies.length;
          await new Promise((r) => setTimeout(r, 5));
          expect(c.replies.length).toBe(replies);
        } finally {
          await c.close();
        }
      }),
      { numRuns: 200, interruptAfterTimeLimit: 25_000, markInterruptAsFailure: false },
    );
    console.info(`fuzz: ${messages} messages`);
    expect(messages).toBeGreaterThan(200);
    expect(escaped).toEqual([]);

    await until(() => p.sessionCount() === 0, 'every fuzz session closed');
    const health = await fetch(`${p.url}api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, sessions: 0 });
    if (canCountFds)
      await until(() => (openFds() as number) <= (baseline as number) + 5, 'descriptors back to baseline');
  }, 60_000);
});
