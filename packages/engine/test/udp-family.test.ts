import { describe, expect, it } from 'vitest';
import { EngineError } from '../src/index.ts';
import { text, useEngines } from './helpers.ts';

const engines = useEngines();

describe('UDP across address families', () => {
  it('refuses an IPv4 endpoint sending to IPv6 (and back) with EAFNOSUPPORT, not an internal error', async () => {
    const { engine } = engines();
    const v4 = await engine.udpBind({ host: '127.0.0.1', port: 0 });
    const v6 = await engine.udpBind({ host: '::1', port: 0 }).catch(() => undefined);
    const attempts: Array<[string, string, number]> = [[v4.id, '::1', 9999]];
    if (v6) attempts.push([v6.id, '127.0.0.1', 9999]);
    for (const [id, host, port] of attempts) {
      const err = await engine.send(id, text('x'), { host, port }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(EngineError);
      expect((err as EngineError).toInfo()).toMatchObject({
        code: 'EAFNOSUPPORT',
        params: { host, port },
        message: `This socket cannot use the address family of ${host}; IPv4 and IPv6 sockets do not mix.`,
      });
    }
    expect(await engine.send(v4.id, text('x'), { host: '127.0.0.1', port: 9999 })).toBe(1);
  });
});
