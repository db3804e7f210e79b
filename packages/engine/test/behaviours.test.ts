import {
  createFrameDecoder,
  decodeJsonFrame,
  encodeFrame,
  encodeJsonFrame,
  type FramingConfig,
  seed002ChunkCount,
  seed002PaddedLength,
} from '@playground/codec';
import { describe, expect, it } from 'vitest';
import { CHARGEN_LINE_BYTES, CHARGEN_LINES_PER_TICK, chargenLine } from '../src/behaviours/chargen.ts';
import { daytimeText } from '../src/behaviours/daytime.ts';
import { seed002Answer } from '../src/behaviours/framed-json.ts';
import { formatQuote, QUOTES } from '../src/behaviours/quotes.ts';
import type { Engine } from '../src/index.ts';
import { type Recorder, sleep, tcpPair, text, until, useEngines } from './helpers.ts';

const engines = useEngines();
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Every answer frame the client got, decoded as JSON. */
function answers(rec: Recorder, clientId: string, framing: FramingConfig): unknown[] {
  const decoder = createFrameDecoder(framing);
  const frames = decoder.push(rec.bytes(clientId, 'recv')).frames;
  return frames.map((f) => {
    const json = decodeJsonFrame(framing, f);
    if (!json.ok) throw new Error(json.error.message);
    return json.value;
  });
}

async function udpPair(
  engine: Engine,
  behaviour: Parameters<Engine['udpBind']>[0]['behaviour'],
  framing?: FramingConfig,
) {
  const server = await engine.udpBind({ host: '127.0.0.1', port: 0, behaviour, ...(framing ? { framing } : {}) });
  const client = await engine.udpBind({
    host: '127.0.0.1',
    port: 0,
    remote: { host: '127.0.0.1', port: server.local!.port },
  });
  return { server, client };
}

describe('upper (seed 000 exercise)', () => {
  it('answers each TCP piece in upper case, ASCII letters only, one write per recv', async () => {
    const { engine, rec } = engines();
    const { client, connId } = await tcpPair(engine, rec, { behaviour: 'upper', recvSize: 8 });
    await engine.send(client.id, text('hola señor, ¿qué tal?'));
    const expected = 'HOLA SEñOR, ¿QUé TAL?';
    await until(() => rec.bytes(client.id, 'recv').length === text(expected).length, 'the answer');
    expect(decode(rec.bytes(client.id, 'recv'))).toBe(expected);
    expect(rec.of(connId, 'send').map((e) => e.data.length)).toEqual(rec.of(connId, 'recv').map((e) => e.data.length));
  });

  it('answers a UDP datagram in upper case', async () => {
    const { engine, rec } = engines();
    const { client } = await udpPair(engine, 'upper');
    await engine.send(client.id, text('hola mundo'));
    expect(decode((await rec.next(client.id, 'datagram-in')).data)).toBe('HOLA MUNDO');
  });
});

describe('quote of the day (RFC 865)', () => {
  it('sends one quote as soon as a TCP client connects, then closes its side', async () => {
    const { engine, rec } = engines();
    const { client, connId, server } = await tcpPair(engine, rec, { behaviour: 'qotd' });
    await rec.next(client.id, 'fin-received');
    const quote = decode(rec.bytes(client.id, 'recv'));
    expect(QUOTES.map(formatQuote)).toContain(quote);
    expect(text(quote).length).toBeLessThanOrEqual(512);
    expect(rec.types(connId)).toEqual(['opened', 'state:established', 'send', 'fin-sent', 'state:fin-sent']);
    // The accept comes first, then the server speaks.
    expect(rec.of(server.id, 'accept')[0]!.seq).toBeLessThan(rec.of(connId, 'send')[0]!.seq);
  });

  it('answers every UDP datagram with a quote', async () => {
    const { engine, rec } = engines();
    const { client } = await udpPair(engine, 'qotd');
    await engine.send(client.id, text(''));
    expect(QUOTES.map(formatQuote)).toContain(decode((await rec.next(client.id, 'datagram-in')).data));
  });

  it('has quotes in Spanish and in English', () => {
    expect(QUOTES.some((q) => /[áéíóúñ¿]/.test(q.text))).toBe(true);
    expect(QUOTES.some((q) => /\bthe\b/i.test(q.text))).toBe(true);
  });
});

const DAYTIME = /^(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day, [A-Z][a-z]+ \d{1,2}, \d{4} \d\d:\d\d:\d\d-UTC\r\n$/;

describe('daytime (RFC 867)', () => {
  it('writes the date as a readable line', () => {
    expect(daytimeText(new Date(Date.UTC(1982, 1, 22, 17, 37, 43)))).toBe('Monday, February 22, 1982 17:37:43-UTC\r\n');
  });

  it('sends the date and time to a TCP client and closes', async () => {
    const { engine, rec } = engines();
    const { client } = await tcpPair(engine, rec, { behaviour: 'daytime' });
    await rec.next(client.id, 'fin-received');
    expect(decode(rec.bytes(client.id, 'recv'))).toMatch(DAYTIME);
  });

  it('answers a UDP datagram with the date', async () => {
    const { engine, rec } = engines();
    const { client } = await udpPair(engine, 'daytime');
    await engine.send(client.id, text('?'));
    expect(decode((await rec.next(client.id, 'datagram-in')).data)).toMatch(DAYTIME);
  });
});

describe('discard (RFC 863)', () => {
  it('reads everything over TCP, answers nothing, and closes when the client ends', async () => {
    const { engine, rec } = engines();
    const { client, connId } = await tcpPair(engine, rec, { behaviour: 'discard' });
    await engine.send(client.id, text('nobody will answer this'));
    await until(() => rec.bytes(connId, 'recv').length === 23, 'the bytes read');
    engine.end(client.id);
    await rec.next(connId, 'fin-sent');
    await rec.next(client.id, 'fin-received');
    expect(rec.of(connId, 'send')).toEqual([]);
    expect(rec.of(client.id, 'recv')).toEqual([]);
  });

  it('reads UDP datagrams and never answers', async () => {
    const { engine, rec } = engines();
    const { client, server } = await udpPair(engine, 'discard');
    await engine.send(client.id, text('hello?'));
    await rec.next(server.id, 'datagram-in');
    await sleep(50);
    expect(rec.of(client.id, 'datagram-in')).toEqual([]);
  });
});

describe('chargen (RFC 864)', () => {
  it('makes the rotating 72-character lines of printable ASCII', () => {
    expect(decode(chargenLine(0))).toBe(
      `${' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefg'}\r\n`,
    );
    expect(decode(chargenLine(1)).startsWith('!"#')).toBe(true);
    expect(decode(chargenLine(95))).toBe(decode(chargenLine(0)));
  });

  it('streams lines to a TCP client at a bounded rate and stops when the client ends', async () => {
    const { engine, rec } = engines();
    const { client, connId } = await tcpPair(engine, rec, { behaviour: 'chargen' });
    const started = Date.now();
    await sleep(450);
    const elapsed = Date.now() - started;
    const got = rec.bytes(client.id, 'recv');
    const perTick = CHARGEN_LINE_BYTES * CHARGEN_LINES_PER_TICK;
    expect(got.length).toBeGreaterThanOrEqual(perTick);
    // One tick at once, then one per 100 ms: bounded, whatever the network could carry.
    expect(got.length).toBeLessThanOrEqual(perTick * (2 + Math.ceil(elapsed / 100)));
    expect(decode(got.subarray(0, CHARGEN_LINE_BYTES))).toBe(decode(chargenLine(0)));
    engine.end(client.id);
    await rec.next(connId, 'fin-sent');
    const sends = rec.of(connId, 'send').length;
    await sleep(250);
    expect(rec.of(connId, 'send').length).toBe(sends);
  });

  it('answers UDP datagrams with 0 to 512 characters, at most 20 a second', async () => {
    const { engine, rec } = engines();
    const { client } = await udpPair(engine, 'chargen');
    for (let i = 0; i < 40; i++) await engine.send(client.id, text('x'));
    await rec.next(client.id, 'datagram-in');
    await sleep(100);
    const answers = rec.of(client.id, 'datagram-in');
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.length).toBeLessThanOrEqual(20);
    for (const a of answers) expect(a.data.length).toBeLessThanOrEqual(512);
  });
});

describe('framed JSON (the seed 002 server)', () => {
  it('answers "Respuesta asociada al mensaje <msg>" in the padded-to-60 framing, however the frame was cut', async () => {
    const { engine, rec } = engines();
    const { client, server, connId } = await tcpPair(engine, rec, { behaviour: 'framed-json', recvSize: 7 });
    expect(server.framing).toEqual(seed002PaddedLength);
    expect(engine.info(connId)?.framing).toEqual(seed002PaddedLength);
    await engine.send(client.id, encodeJsonFrame(seed002PaddedLength, 'hola'), undefined, { chunkSize: 5, delayMs: 2 });
    await until(() => answers(rec, client.id, seed002PaddedLength).length === 1, 'the answer');
    expect(answers(rec, client.id, seed002PaddedLength)).toEqual(['Respuesta asociada al mensaje hola']);
    const reply = rec.bytes(client.id, 'recv');
    expect(reply.length).toBe(4 + 60);
    expect(reply.readUInt32BE(0)).toBe(60);
  });

  it('prints an object the way Python does, in the chunk-count framing too', async () => {
    const { engine, rec } = engines();
    const { client } = await tcpPair(engine, rec, { behaviour: 'framed-json', framing: seed002ChunkCount });
    const margot = { nombre: 'Margot', edad: 15, raza: 'Schnauzer' };
    const frame = encodeJsonFrame(seed002ChunkCount, margot);
    expect(Buffer.from(frame).toString('latin1')).toBe(
      '\x0e\x00\x00\x00{"nombre": "Margot", "edad": 15, "raza": "Schnauzer"}\x00\x00\x00',
    );
    await engine.send(client.id, frame);
    await until(() => answers(rec, client.id, seed002ChunkCount).length === 1, 'the answer');
    expect(answers(rec, client.id, seed002ChunkCount)).toEqual([
      "Respuesta asociada al mensaje {'nombre': 'Margot', 'edad': 15, 'raza': 'Schnauzer'}",
    ]);
  });

  it('answers two frames sent in one write with two frames, and invalid JSON as the seed does', async () => {
    const { engine, rec } = engines();
    const { client } = await tcpPair(engine, rec, { behaviour: 'framed-json' });
    const bad = encodeFrame(seed002PaddedLength, text('{not json'));
    await engine.send(client.id, Buffer.concat([encodeJsonFrame(seed002PaddedLength, [1, true, null]), bad]));
    await until(() => answers(rec, client.id, seed002PaddedLength).length === 2, 'two answers');
    expect(answers(rec, client.id, seed002PaddedLength)).toEqual([
      'Respuesta asociada al mensaje [1, True, None]',
      'Respuesta asociada al mensaje ',
    ]);
  });

  it('refuses a framing that makes no sense', async () => {
    const { engine } = engines();
    const framing = { kind: 'length-prefix', width: 4, endian: 'big', unit: 'chunks', maxLength: 100 } as const;
    await expect(
      engine.tcpListen({ host: '127.0.0.1', port: 0, behaviour: 'framed-json', framing }),
    ).rejects.toMatchObject({ code: 'bad_command' });
  });

  it('answers each UDP datagram that holds a frame', async () => {
    const { engine, rec } = engines();
    const lines: FramingConfig = { kind: 'delimiter', delimiter: [10], maxLength: 1000 };
    const { client, server } = await udpPair(engine, 'framed-json', lines);
    expect(server.framing).toEqual(lines);
    await engine.send(client.id, text('"uno"\n"dos"\n'));
    await until(() => rec.of(client.id, 'datagram-in').length === 2, 'two answers');
    expect(rec.of(client.id, 'datagram-in').map((d) => decode(d.data))).toEqual([
      '"Respuesta asociada al mensaje uno"\n',
      '"Respuesta asociada al mensaje dos"\n',
    ]);
  });
});

describe('seed 002’s answer to a message', () => {
  it.each([
    ['"hola"', 'hola'],
    ['{"a": "it\'s", "b": "x\\"y"}', `{'a': "it's", 'b': 'x"y'}`],
    ['[1.5, 1e-5, 1e16, -0.25, 100.0, 15]', '[1.5, 1e-05, 1e+16, -0.25, 100.0, 15]'],
    ['{"n": null, "t": true, "f": false, "s": "a\\nb"}', "{'n': None, 't': True, 'f': False, 's': 'a\\nb'}"],
    ['{"b": 1, "2": 2, "a": 3}', "{'b': 1, '2': 2, 'a': 3}"],
    ['\u0000\u0000 12345678901234567890 \u0000', '12345678901234567890'],
    ['NaN', 'nan'],
    ['not json', ''],
  ])('%s → %s', (message, python) => {
    expect(seed002Answer(new TextEncoder().encode(message))).toBe(`Respuesta asociada al mensaje ${python}`);
  });
});
