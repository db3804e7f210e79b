/**
 * Issue 14, point 5: seed 002's own server in Python and the playground's framed-JSON server
 * answer the same messages with the same bytes, read by the same client.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useEngines } from './helpers.ts';
import { type PythonPeer, python, runPython, startPythonServer } from './support/python.ts';

const engines = useEngines();
const peers: PythonPeer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.stop()));
});

/** The issue's messages, and seed 002's own. */
const MESSAGES = [
  '{"nombre": "Margot", "edad": 15, "raza": "Schnauzer"}',
  '{"b":1,"2":2,"a":3}',
  '12345678901234567890',
  'NaN',
  'Infinity',
  '-Infinity',
  '["\\u0085", "\\u00a0", "\\u00ad", "\\u200b", "\u0085\u00a0\u00ad\u200b"]',
  '[100.0, -0.0, 1e16, 1e-05, 0.1]',
  '\u0000\u0000{"padded": "before"}',
  'not JSON at all',
].map((m) => Buffer.from(m, 'utf8').toString('hex'));

describe.skipIf(!python)('seed 002’s server: Python and the playground answer alike', () => {
  it('the same bytes back for every message', async () => {
    // The seed's server answers b'' (its client leaving) too, and its thread dies of BrokenPipeError then.
    const server = await startPythonServer('seed002_server.py', [], true);
    peers.push(server);
    const fromPython = await runPython<string[]>('seed002_raw_client.py', [server.port, ...MESSAGES]);

    const { engine } = engines();
    const playground = await engine.tcpListen({ host: '127.0.0.1', port: 0, behaviour: 'framed-json' });
    const fromPlayground = await runPython<string[]>('seed002_raw_client.py', [playground.local!.port, ...MESSAGES]);

    const text = (answers: string[]) => answers.map((a) => Buffer.from(a, 'hex').subarray(4).toString('latin1'));
    expect(text(fromPlayground)).toEqual(text(fromPython));
    expect(fromPlayground).toEqual(fromPython);
    expect(text(fromPython)[1]).toContain("{'b': 1, '2': 2, 'a': 3}");
  });
});
