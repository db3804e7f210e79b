import { Command } from '@playground/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../src/session/dispatcher.ts';
import { plainSend } from '../src/session/plain-send.ts';

/** Mostly valid values (so the fast path is taken often), sometimes ones at or past a bound, of another type, or missing. */
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 9, arbitrary: good }, { weight: 1, arbitrary: bad });
const odd = fc.constantFrom<unknown>(null, true, [], {}, 1.5, -0, 2 ** 53, Number.NaN, '', 'x'.repeat(65), undefined);
const id = mostly(
  fc.oneof(fc.integer(), fc.string({ maxLength: 64 })),
  fc.oneof(fc.string({ minLength: 64, maxLength: 66 }), fc.constantFrom(2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53), odd),
);
const socketId = mostly(
  fc.string({ minLength: 1, maxLength: 64 }),
  fc.oneof(fc.constantFrom('', 'x'.repeat(64), 'x'.repeat(65)), odd),
);
const encoding = mostly(fc.constantFrom('text', 'escaped', 'hex', 'base64'), fc.constantFrom('TEXT', 'utf8', '', 1));
const value = mostly(
  fc.string({ maxLength: 20 }),
  fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom('a'.repeat(1_000_000), 'a'.repeat(1_000_001)) },
    { weight: 5, arbitrary: odd },
  ),
);
const extra = fc.option(
  fc.constantFrom<[string, unknown]>(
    ['to', { host: '127.0.0.1', port: 9 }],
    ['split', {}],
    ['x', 1],
    ['__proto__', {}],
  ),
  { nil: undefined, freq: 4 },
);
const data = mostly(
  fc.record({ encoding, value }),
  fc.oneof(
    fc.record({ encoding, value }, { requiredKeys: [] }),
    fc.record({ encoding, value }).map((d) => ({ ...d, extra: 1 })),
    odd,
  ),
);
const type = mostly(fc.constant('socket.send'), fc.constantFrom('socket.close', 'SOCKET.SEND', undefined));
const message = fc
  .tuple(
    mostly(fc.record({ id, type, socketId, data }), fc.record({ id, type, socketId, data }, { requiredKeys: [] })),
    extra,
  )
  // Through JSON, as the page's message is: what the bridge sees is what JSON.parse makes.
  .map(([m, e]) => JSON.parse(JSON.stringify(e ? { ...(m as object), [e[0]]: e[1] } : m)) as unknown);

describe('the plain socket.send fast path', () => {
  it('accepts only what the schema accepts, and yields what the schema yields', () => {
    let taken = 0;
    fc.assert(
      fc.property(message, (json) => {
        const fast = plainSend(json);
        if (fast === undefined) return;
        taken++;
        const parsed = Command.safeParse(json);
        expect(parsed.success).toBe(true);
        expect(fast).toStrictEqual(parsed.data);
      }),
      { numRuns: 1500 },
    );
    // The property must have exercised the fast path, not only its refusals.
    expect(taken).toBeGreaterThan(100);
  });

  it('leaves a send with anything more to zod', () => {
    const base = { id: 1, type: 'socket.send', socketId: 's1', data: { encoding: 'text', value: 'hi' } };
    expect(plainSend(base)).toStrictEqual(Command.parse(base));
    expect(plainSend({ ...base, split: { chunkSize: 4 } })).toBeUndefined();
    expect(plainSend({ ...base, to: { host: '127.0.0.1', port: 9 } })).toBeUndefined();
    expect(
      plainSend(
        JSON.parse(
          '{"id":1,"type":"socket.send","socketId":"s1","data":{"encoding":"text","value":"hi"},"__proto__":{}}',
        ),
      ),
    ).toBeUndefined();
  });

  it('gives bad input the same error as before', () => {
    const { id, error } = parseCommand(
      '{"id":7,"type":"socket.send","socketId":"","data":{"encoding":"text","value":"hi"}}',
    );
    expect(id).toBe(7);
    expect(error?.code).toBe('bad_command');
    expect(error?.message).toMatch(/^The command is not valid\. socketId: /);
    const extraKey = parseCommand(
      '{"id":8,"type":"socket.send","socketId":"s1","data":{"encoding":"text","value":"hi"},"x":1}',
    );
    expect(extraKey.error?.message).toMatch(/Unrecognized key/);
  });
});
