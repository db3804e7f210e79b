import {
  LESSON_FORMAT_VERSION,
  type Lesson,
  lessonLanguages,
  lessonProblems,
  localize,
  type WireSegment,
} from '@playground/protocol';
import { describe, expect, it, vi } from 'vitest';
import { createAccess } from '../src/features/join/model/access.ts';
import { builtinLessons } from '../src/features/lessons/builtin.ts';
import { checkLesson, teacherLessons } from '../src/features/lessons/catalog.ts';
import { baselineOf, type NamedSocket, StepChecker } from '../src/features/lessons/checks.ts';
import { socketKey } from '../src/store/state.ts';
import { connectedStore, welcome } from './support/render.tsx';
import { memoryStorage } from './support/storage.ts';
import { batch, client, conn, endpoint, server, text, Wire } from './support/wire.ts';

describe('the built-in lessons', () => {
  const catalog = builtinLessons();

  it('are the nine lessons, in order, every one usable', () => {
    expect(catalog.map((e) => e.problems)).toEqual(catalog.map(() => []));
    expect(catalog.map((e) => e.lesson?.id)).toEqual([
      'echo',
      'recv-pieces',
      'netstat',
      'tcp-vs-udp',
      'framing',
      'many-clients',
      'struct',
      'sensor',
      'wire',
    ]);
  });

  it('are written in English and Spanish, every text of them', () => {
    for (const entry of catalog) {
      const lesson = entry.lesson as Lesson;
      expect(lessonLanguages(lesson).sort(), lesson.id).toEqual(['en', 'es']);
      for (const step of lesson.steps) {
        expect(localize(step.text, 'es')).not.toBe(localize(step.text, 'en'));
      }
    }
  });

  it('only run commands of the protocol, with every $name defined before it is used', () => {
    for (const entry of catalog) expect(lessonProblems(entry.lesson as Lesson), entry.file).toEqual([]);
  });
});

describe('a teacher’s lesson file', () => {
  const minimal = {
    format: 'socket-playground-lesson',
    version: LESSON_FORMAT_VERSION,
    id: 'mine',
    title: 'Mine',
    summary: { en: 'A lesson', es: 'Una lección' },
    steps: [{ id: 'one', title: 'One', text: 'Do it.' }],
  };

  it('may be a single language or several; text falls back to English, then to the first language', () => {
    const entry = checkLesson('mine.json', minimal, 'teacher');
    expect(entry.problems).toEqual([]);
    expect(localize({ es: 'Hola' }, 'en')).toBe('Hola');
    expect(localize({ en: 'Hi', es: 'Hola' }, 'es-MX')).toBe('Hola');
    expect(localize({ en: 'Hi', es: 'Hola' }, 'fr')).toBe('Hi');
  });

  it('is refused with reasons: a wrong shape, a command that is not one, a name used before it exists', () => {
    expect(checkLesson('x.json', { ...minimal, version: LESSON_FORMAT_VERSION + 1 }, 'teacher').problems[0]).toMatch(
      /version/,
    );
    const badCommand = {
      ...minimal,
      steps: [{ id: 'one', title: 'One', text: 'x', preset: [{ command: { type: 'tcp.listen', host: '127.0.0.1' } }] }],
    };
    expect(checkLesson('x.json', badCommand, 'teacher').problems[0]).toMatch(
      /tcp.listen is not a valid command \(port/,
    );
    const early = {
      ...minimal,
      steps: [
        {
          id: 'one',
          title: 'One',
          text: 'x',
          try: { text: 'x', commands: [{ command: { type: 'tcp.end', socketId: '$client' } }] },
          check: { type: 'event', event: 'recv', socket: '$server' },
        },
      ],
    };
    const problems = checkLesson('x.json', early, 'teacher').problems;
    expect(problems).toEqual([
      'step 1 (one): The lesson refers to $client, which no earlier step created.',
      'step 1 (one): the check refers to $server, which no step defines before it',
    ]);
  });
});

describe('a step’s check', () => {
  const names = new Map<string, NamedSocket>([
    ['server', { id: 's1', key: socketKey(1, 's1'), port: 65432 }],
    ['client', { id: 's2', key: socketKey(1, 's2') }],
  ]);

  it('counts only what happened after the step began, on the named socket or the connections it accepted', () => {
    const store = connectedStore();
    const wire = new Wire();
    const receive = (...events: Parameters<Wire['recv']>[]) =>
      store.getState().receiveBatches([batch(events.map((args) => wire.recv(...args)))]);
    store.getState().receiveBatches([batch([wire.opened(server), wire.opened(client), wire.opened(conn)])]);
    receive(['s3', text('before step')]);
    const checker = new StepChecker(
      { type: 'event', event: 'recv', socket: '$server', count: 4, maxSize: 16 },
      baselineOf(store.getState()),
      names,
    );
    expect(checker.update(store.getState(), false)).toBe(false);
    receive(
      ['s3', text('0123456789abcdef')],
      ['s3', text('0123456789abcdef')],
      ['s2', text('not the server'), 'tcp-client'],
    );
    expect(checker.update(store.getState(), false)).toBe(false);
    receive(['s3', text('0123456789abcdef-too long')]);
    expect(checker.update(store.getState(), false)).toBe(false);
    receive(['s3', text('16')], ['s3', text('2')]);
    expect(checker.update(store.getState(), false)).toBe(true);
  });

  it('sees states, datagrams that lost bytes, kernel states, and combines checks; manual steps wait for the learner', () => {
    const store = connectedStore();
    const wire = new Wire();
    const base = baselineOf(store.getState());
    const closed = new StepChecker({ type: 'state', socket: '$client', state: 'closed' }, base, names);
    const lost = new StepChecker({ type: 'event', event: 'datagram-in', minLost: 1 }, base, names);
    const both = new StepChecker(
      { type: 'all', of: [{ type: 'state', socket: '$client', state: 'closed' }, { type: 'manual' }] },
      base,
      names,
    );
    const kernel = new StepChecker({ type: 'kernel-state', state: 'TIME_WAIT' }, base, names);
    store.getState().receiveBatches([batch([wire.opened(client), wire.datagramIn('s4', text('12345678'))])]);
    expect(closed.update(store.getState(), false)).toBe(false);
    expect(lost.update(store.getState(), false)).toBe(false);
    store
      .getState()
      .receiveBatches([
        batch([
          wire.event('closed', 's2', 'tcp-client', { hadError: false }),
          wire.datagramIn('s4', text('12345678'), 22),
        ]),
      ]);
    expect(closed.update(store.getState(), false)).toBe(true);
    expect(lost.update(store.getState(), false)).toBe(true);
    expect(both.update(store.getState(), false)).toBe(false);
    expect(both.update(store.getState(), true)).toBe(true);
    expect(kernel.update(store.getState(), false)).toBe(false);
    store.getState().receiveKernel({
      type: 'kernel',
      available: true,
      t: 10,
      scope: 'playground',
      truncated: 0,
      rows: [
        {
          family: 'IPv4',
          local: endpoint('127.0.0.1', 51234),
          remote: endpoint('127.0.0.1', 65432),
          state: 'TIME_WAIT',
          sendQueue: 0,
          recvQueue: 0,
          inode: 0,
        },
      ],
    });
    expect(kernel.update(store.getState(), false)).toBe(true);
  });

  it('counts the captured segments of the step: flags, sender (or the connections it accepted), length, zero window', () => {
    const store = connectedStore();
    const wire = new Wire();
    store.getState().receiveBatches([batch([wire.opened(server), wire.opened(client), wire.opened(conn)])]);
    const segment = (n: number, t: number, from: string, flags: string[], length = 0, window = 64): WireSegment => ({
      n,
      t,
      timeUs: 0,
      transport: 'tcp',
      family: 'IPv4',
      src: { address: '127.0.0.1', port: 1 },
      dst: { address: '127.0.0.1', port: 2 },
      from,
      length,
      wireLength: 66 + length,
      tcp: {
        flags: flags as NonNullable<WireSegment['tcp']>['flags'],
        seq: 0,
        seqFromSyn: true,
        window,
        options: {},
        retransmission: false,
        zeroWindow: window === 0,
        windowUpdate: false,
        connection: 1,
      },
      data: '',
      frame: '',
    });
    store.getState().receiveWireBatch({ type: 'wire', segments: [segment(1, 0.1, 's2', ['SYN'])], notShown: 0 });
    const base = baselineOf(store.getState());
    const syn = new StepChecker({ type: 'segment', flags: ['SYN'], socket: '$client' }, base, names);
    const synAck = new StepChecker({ type: 'segment', flags: ['SYN', 'ACK'], socket: '$server' }, base, names);
    const zero = new StepChecker({ type: 'segment', zeroWindow: true, socket: '$client', maxLength: 0 }, base, names);
    expect(syn.update(store.getState(), false)).toBe(false);
    store.getState().receiveWireBatch({
      type: 'wire',
      segments: [
        segment(2, 5, 's2', ['SYN']),
        segment(3, 5.1, 's3', ['SYN', 'ACK']),
        segment(4, 6, 's2', ['ACK'], 0, 0),
      ],
      notShown: 0,
    });
    expect([syn, synAck, zero].map((c) => c.update(store.getState(), false))).toEqual([true, true, true]);
  });
});

describe('a teacher’s lessons from the bridge', () => {
  it('are asked for with the page’s token, which the bridge requires, and none come back without it', async () => {
    const good = builtinLessons()[0]?.lesson;
    const fetchJson = vi.fn(async (_url: string, init: RequestInit) =>
      new Headers(init.headers).get('authorization') === 'Bearer T0K'
        ? Response.json({ lessons: [{ file: 'mine.json', lesson: { ...good, id: 'mine' } }] })
        : Response.json({ error: 'Lessons are for the class: send the page’s token.' }, { status: 401 }),
    );
    const lessons = await teacherLessons('T0K', fetchJson);
    expect(lessons.map((l) => [l.key, l.problems])).toEqual([['teacher:mine', []]]);
    expect(fetchJson).toHaveBeenCalledWith('api/lessons', expect.objectContaining({ cache: 'no-store' }));
    expect(await teacherLessons('wrong', fetchJson)).toEqual([]);
  });

  it('use the token a welcome proved, not one that was only offered', async () => {
    const access = createAccess({
      location: { hash: '', pathname: '/', search: '' },
      replaceHash: () => {},
      storages: { local: memoryStorage(), session: memoryStorage() },
      fetchJson: async () => Response.json({ mode: 'local', token: 'local-token' }),
    });
    expect(await access.token()).toBe('local-token');
    expect(access.currentToken()).toBeNull();
    access.welcomed(welcome);
    expect(access.currentToken()).toBe('local-token');
  });
});
