import { describe, expect, it } from 'vitest';
import { buildFlow, entriesOf, type PairKeys, scanPair } from '../src/features/flow/buildFlow.ts';
import { appendAll, emptyLog } from '../src/store/appendLog.ts';
import type { LogEntry } from '../src/store/state.ts';
import { client, conn, endpoint, server, text, Wire } from './support/wire.ts';

/** The wire events of an echo with recv(16) and a FIN from the client, as log entries. */
function echoThenFin(): LogEntry[] {
  const w = new Wire();
  const message = text('hola mundo, this is a message longer than sixteen bytes');
  const events = [
    w.opened(server),
    w.opened({ ...client, local: undefined }),
    w.opened(conn),
    w.event('accept', 's1', 'tcp-server', { connId: 's3', remote: conn.remote! }),
    w.event('connected', 's2', 'tcp-client', { local: client.local!, remote: client.remote! }),
    w.send('s2', message),
    ...[0, 16, 32, 48].flatMap((at) => {
      const piece = message.subarray(at, at + 16);
      return [w.recv('s3', piece), w.send('s3', piece, 'tcp-conn')];
    }),
    w.recv('s2', message, 'tcp-client'),
    w.event('fin-sent', 's2', 'tcp-client', {}),
    w.event('fin-received', 's3', 'tcp-conn', {}),
    w.event('fin-sent', 's3', 'tcp-conn', {}),
    w.event('closed', 's3', 'tcp-conn', { hadError: false }),
    w.event('fin-received', 's2', 'tcp-client', {}),
    w.event('closed', 's2', 'tcp-client', { hadError: false }),
  ];
  return events.map((event) => {
    const { data: _data, ...rest } = event as typeof event & { data?: string };
    return { key: `1:${event.socketId}`, event: rest as LogEntry['event'] };
  });
}

const keys: PairKeys = { client: '1:s2', server: '1:s3', listener: '1:s1', connId: 's3' };

describe('the flow diagram of one connection', () => {
  it('draws the handshake once, every write to the read that got its first byte, both FINs, and the closes', () => {
    const flow = buildFlow(echoThenFin(), keys);
    const arrows = flow.arrows.map((a) => `${a.tone}:${a.from.lane}@${a.from.row}->${a.to.lane}@${a.to.row}`);
    expect(arrows[0]).toBe('handshake:client@0->server@0');
    const sends = flow.arrows.filter((a) => a.tone === 'send');
    expect(sends.map((a) => a.label)).toEqual([
      { text: 'write', no: 1, size: 55 },
      { text: 'write', no: 1, size: 16 },
      { text: 'write', no: 2, size: 16 },
      { text: 'write', no: 3, size: 16 },
      { text: 'write', no: 4, size: 7 },
    ]);
    // The client's 55-byte write lands on the server's first recv(16); all four echoes on the client's one read.
    const firstRead = flow.marks.find((m) => m.label.text === 'read' && m.lane === 'server')!;
    expect(sends[0]?.to).toEqual({ lane: 'server', row: firstRead.row });
    const clientRead = flow.marks.find((m) => m.label.text === 'read' && m.lane === 'client')!;
    expect(new Set(sends.slice(1).map((a) => a.to.row))).toEqual(new Set([clientRead.row]));
    expect(flow.arrows.some((a) => a.pending)).toBe(false);
    const fins = flow.arrows.filter((a) => a.tone === 'fin');
    expect(fins.map((a) => `${a.from.lane}->${a.to.lane}`)).toEqual(['client->server', 'server->client']);
    expect(flow.marks.filter((m) => m.label.text === 'finRead').map((m) => m.lane)).toEqual(['server', 'client']);
    // accept() shares the handshake's row; the client's pieces open in the inspector.
    expect(flow.marks.find((m) => m.label.text === 'accept')?.row).toBe(0);
    expect(sends[0]?.piece).toMatchObject({ key: '1:s2', direction: 'sent' });
    expect(clientRead.piece).toMatchObject({ key: '1:s2', direction: 'received' });
  });

  it('draws an outside peer as its own lane, with arrows coming from it', () => {
    const w = new Wire();
    const outsideConn = { ...conn, remote: endpoint('127.0.0.1', 60000) };
    const events = [
      w.opened(outsideConn),
      w.recv('s3', text('hola')),
      w.send('s3', text('hola'), 'tcp-conn'),
      w.event('error', 's3', 'tcp-conn', { error: { code: 'ECONNRESET', message: 'reset' } }),
    ];
    const entries = events.map((event) => ({ key: `1:${event.socketId}`, event }) as LogEntry);
    const flow = buildFlow(entries, { client: null, server: '1:s3', listener: '1:s1', connId: 's3' });
    expect(flow.arrows.map((a) => `${a.tone}:${a.from.lane}->${a.to.lane}`)).toEqual([
      'handshake:client->server',
      'send:client->server',
      'send:server->client',
      'rst:client->server',
    ]);
    expect(flow.arrows.every((a) => !a.pending)).toBe(true);
  });

  it('leaves a write dashed (pending) while the peer has not read it, as for a client waiting for accept()', () => {
    const w = new Wire();
    const entries = [
      w.opened(conn),
      w.event('queued', 's1', 'tcp-server', { connId: 's3', remote: conn.remote!, position: 1 }),
      w.event('connected', 's2', 'tcp-client', { local: client.local!, remote: client.remote! }),
      w.send('s2', text('two')),
    ].map((event) => ({ key: `1:${event.socketId}`, event }) as LogEntry);
    const flow = buildFlow(entries, keys);
    expect(flow.marks.map((m) => m.label.text)).toEqual(['queued']);
    expect(flow.arrows.find((a) => a.tone === 'send')?.pending).toBe(true);
  });

  it('scans the log incrementally and caps the rows', () => {
    let log = emptyLog<LogEntry>();
    const entries = echoThenFin();
    log = appendAll(log, entries.slice(0, 6), 1000);
    const first = scanPair(null, log, keys);
    log = appendAll(log, entries.slice(6), 1000);
    const second = scanPair(first, log, keys);
    expect(entriesOf(second, log)).toHaveLength(entries.length - 1);
    const capped = buildFlow(entriesOf(second, log), keys, 5);
    expect(capped.rows).toHaveLength(5);
    expect(capped.truncated).toBe(true);
  });
});
