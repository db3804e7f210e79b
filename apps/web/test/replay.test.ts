import { PROTOCOL_VERSION, SESSION_LOG_VERSION, SessionLog } from '@playground/protocol';
import { describe, expect, it } from 'vitest';
import { SessionRecorder } from '../src/features/replay/model/recorder.ts';
import { parseLog, Replay } from '../src/features/replay/replay.ts';
import { connectedStore, welcome } from './support/render.tsx';
import { batch, client, conn, server, text, Wire } from './support/wire.ts';

function session() {
  const store = connectedStore();
  const recorder = new SessionRecorder();
  recorder.welcome(welcome);
  const wire = new Wire();
  const events = [
    wire.opened(server),
    wire.opened(client),
    wire.opened(conn),
    wire.send('s2', text('hola mundo, 20 bytes')),
    wire.recv('s3', text('hola mundo, 20 b')),
    wire.recv('s3', text('ytes')),
    wire.event('fin-received', 's3', 'tcp-conn', {}),
    wire.event('closed', 's3', 'tcp-conn', { hadError: false }),
  ];
  const batches = [
    batch(events.slice(0, 4), { s2: { bytesIn: 0, bytesOut: 20, reads: 0, writes: 1 } }),
    batch(events.slice(4), { s3: { bytesIn: 20, bytesOut: 0, reads: 2, writes: 0 } }),
  ];
  for (const b of batches) {
    recorder.batch(b);
    store.getState().receiveBatches([b]);
  }
  return { store, recorder, events };
}

describe('export and replay', () => {
  it('exports every event as it came, in a versioned file the schema accepts', () => {
    const { store, recorder, events } = session();
    const log = recorder.export(store.getState(), new Date('2025-05-01T10:20:30Z'));
    expect(SessionLog.parse(JSON.parse(JSON.stringify(log)))).toEqual(log);
    expect(log).toMatchObject({
      format: 'socket-playground-log',
      version: SESSION_LOG_VERSION,
      exportedAt: '2025-05-01T10:20:30.000Z',
      protocolVersion: PROTOCOL_VERSION,
      session: { sessionId: 'test-session' },
      missing: 0,
    });
    expect(log.events).toEqual(events);
    expect(log.sockets.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
  });

  it('rebuilds the page’s state at any point of the timeline with the store’s own applyBatch', () => {
    const { store, recorder } = session();
    const replay = new Replay(recorder.export(store.getState()));
    const end = replay.stateAt(replay.length);
    const live = store.getState();
    for (const key of live.order) {
      expect(end.sockets[key]?.state).toBe(live.sockets[key]?.state);
      expect(end.sockets[key]?.counters).toEqual(live.sockets[key]?.counters);
    }
    expect(end.log.tail - end.log.head).toBe(8);
    const start = replay.stateAt(0);
    expect(start.order).toEqual([]);
    const middle = replay.stateAt(5);
    expect(middle.sockets['1:s3']?.counters).toEqual({ bytesIn: 16, bytesOut: 0, reads: 1, writes: 0 });
    expect(middle.sockets['1:s3']?.state).toBe('established');
    expect(replay.timeAt(5)).toBe(1.25);
    // Going back and forth gives the same states (checkpoints are never changed by later steps).
    expect(replay.stateAt(replay.length).sockets['1:s3']?.state).toBe('closed');
    expect(replay.stateAt(5).sockets['1:s3']?.state).toBe('established');
  });

  it('keeps a session’s events across a resumed welcome, and starts over for a new session', () => {
    const { store, recorder } = session();
    recorder.welcome({ ...welcome, resumed: true });
    expect(recorder.count).toBe(8);
    recorder.welcome({ ...welcome, sessionId: 'another' });
    expect(recorder.export(store.getState()).events).toEqual([]);
  });

  it('opens a log saved with a bridge of protocol 1: the events in the file kept their shape', () => {
    const { store, recorder } = session();
    const saved = { ...recorder.export(store.getState()), protocolVersion: 1 };
    const parsed = parseLog(JSON.stringify(saved));
    if (!parsed.ok) throw new Error(`not opened: ${parsed.problem}`);
    const replay = new Replay(parsed.log);
    expect(replay.stateAt(replay.length).sockets['1:s3']?.counters).toEqual({
      bytesIn: 20,
      bytesOut: 0,
      reads: 2,
      writes: 0,
    });
  });

  it('refuses what is not a log, a newer version, and a damaged file', () => {
    expect(parseLog('not json')).toEqual({ ok: false, problem: 'notJson' });
    expect(parseLog('{"format":"something-else"}')).toEqual({ ok: false, problem: 'notLog' });
    expect(parseLog(JSON.stringify({ format: 'socket-playground-log', version: SESSION_LOG_VERSION + 1 }))).toEqual({
      ok: false,
      problem: 'newer',
    });
    const damaged = parseLog(
      JSON.stringify({ format: 'socket-playground-log', version: SESSION_LOG_VERSION, events: [{}] }),
    );
    expect(damaged).toMatchObject({ ok: false, problem: 'invalid' });
  });
});
