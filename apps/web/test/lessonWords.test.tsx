import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPageStores, type PageStores } from '../src/app/PageStores.tsx';
import { LessonPanel } from '../src/features/lessons/LessonPanel.tsx';
import { SocketList } from '../src/features/sockets/SocketList.tsx';
import { i18next } from '../src/i18n/index.ts';
import { connectedStore, renderWithPlayground } from './support/render.tsx';
import { batch, client, conn, endpoint, server, Wire } from './support/wire.ts';

afterEach(async () => {
  localStorage.removeItem('socket-playground.lessons-finished');
  await i18next.changeLanguage('en');
});

/** The page's stores with the built-in lessons, a chunk of their own, loaded as once the page is up. */
async function withLessons(): Promise<PageStores> {
  const stores = createPageStores();
  await stores.lessons.getState().loadBuiltin();
  return stores;
}

const keyOf = (stores: PageStores, id: string) =>
  stores.lessons.getState().catalog.find((e) => e.lesson?.id === id)?.key as string;

/** Every visible text of the lesson panel: what a learner reads. */
const panelText = () => screen.getByTestId('lesson-panel').textContent ?? '';

describe('lessons speak to the learner, not in the lesson file’s words', () => {
  it('a step’s preset and check name sockets as what they are, never $names or command types', async () => {
    const store = connectedStore();
    const stores = await withLessons();
    const { start, goToStep } = stores.lessons.getState();
    renderWithPlayground(<LessonPanel />, { store, stores });
    act(() => {
      start(keyOf(stores, 'recv-pieces'), store);
      goToStep(3, store);
    });
    const text = panelText();
    expect(text).toContain('A TCP server on 127.0.0.1, a free port the OS picks, reading with recv(4)');
    expect(text).toContain('A TCP client that connects to the server this lesson starts');
    expect(text).toContain('3 recv() calls that returned bytes on the server this lesson starts, at most 4 bytes each');
    expect(text).not.toMatch(/\$|tcp\.connect|tcp\.listen|“recv” events|\bsmall\b/);
  });

  it('in Spanish too: “1 datagrama recibido en el cliente UDP…”, not «datagram-in» en uclient', async () => {
    await i18next.changeLanguage('es');
    const store = connectedStore();
    const stores = await withLessons();
    renderWithPlayground(<LessonPanel />, { store, stores });
    act(() => stores.lessons.getState().start(keyOf(stores, 'tcp-vs-udp'), store));
    expect(panelText()).toContain('1 datagrama recibido en el cliente UDP que abre esta lección');
    expect(panelText()).not.toMatch(/datagram-in|uclient/);
  });

  it('once the socket exists, the check names it: “on server s1”', async () => {
    const store = connectedStore();
    const stores = await withLessons();
    const lessons = stores.lessons;
    store.getState().receiveBatches([batch([new Wire().opened(server)])]);
    renderWithPlayground(<LessonPanel />, { store, stores });
    act(() => {
      lessons.getState().start(keyOf(stores, 'echo'), store);
      const run = lessons.getState().run!;
      lessons.setState({ run: { ...run, names: new Map([['server', { id: 's1', key: '1:s1', port: 65432 }]]) } });
    });
    expect(within(screen.getByTestId('lesson-check')).getByText(/server s1 in state “listening”/)).toBeInTheDocument();
  });

  it('lesson 1 says nothing about a classroom to a learner alone', async () => {
    const store = connectedStore();
    const stores = await withLessons();
    renderWithPlayground(<LessonPanel />, { store, stores });
    act(() => stores.lessons.getState().start(keyOf(stores, 'echo'), store));
    expect(panelText()).not.toMatch(/everyone shares one computer/);
    expect(panelText()).toMatch(/port 0/);
  });

  it('a finished lesson is marked in the list, and stays marked', async () => {
    const store = connectedStore();
    const stores = await withLessons();
    const { start, markDone, close } = stores.lessons.getState();
    renderWithPlayground(<LessonPanel />, { store, stores });
    act(() => {
      start(keyOf(stores, 'tcp-vs-udp'), store);
      for (let step = 0; step < 4; step++) markDone(step);
      close();
    });
    const item = screen.getAllByTestId('lesson-item').find((e) => e.dataset.lessonId === 'tcp-vs-udp')!;
    expect(within(item).getByTestId('lesson-finished')).toHaveTextContent('✓ Finished');
    expect(JSON.parse(localStorage.getItem('socket-playground.lessons-finished') ?? '[]')).toContain(
      keyOf(stores, 'tcp-vs-udp'),
    );
    expect(screen.getAllByTestId('lesson-finished')).toHaveLength(1);
  });
});

describe('the Sockets page shows what lessons 3 and 8 talk about', () => {
  it('a sensor server’s card counts the records it decoded and shows the last one', () => {
    const store = connectedStore();
    const wire = new Wire();
    const fields = ['sensor_id', 'seq', 'temperature'];
    const sensorServer = {
      ...server,
      behaviour: 'sensor' as const,
      sensor: { role: 'server' as const, format: '!IIf', fields, recordSize: 12 },
    };
    store.getState().receiveBatches([
      batch([
        wire.opened(sensorServer),
        wire.event('sensor-data', 's1', 'tcp-server', {
          from: endpoint('127.0.0.1', 50000),
          records: [{ seq: 29, dt: 0, values: [1, 29, 21.25] }],
          skipped: 0,
          stats: { received: 30, missing: 0, outOfOrder: 0, duplicates: 0, bad: 0, acks: 0 },
        }),
      ]),
    ]);
    renderWithPlayground(<SocketList />, { store });
    const summary = screen.getByTestId('sensor-summary');
    expect(summary).toHaveTextContent('Sensor records decoded: 30 · missing 0 · out of order 0');
    expect(summary).toHaveTextContent('Last: sensor_id=1, seq=29, temperature=21.25');
  });

  it('a connection the kernel forgot (the peer reset it) says so, while the program still shows FIN received', () => {
    const store = connectedStore();
    const wire = new Wire();
    store
      .getState()
      .receiveBatches([
        batch([
          wire.opened(server),
          wire.opened(client),
          wire.opened(conn),
          wire.event('state', 's3', 'tcp-conn', { state: 'fin-received' }),
        ]),
      ]);
    const row = (state: 'ESTABLISHED' | 'CLOSE_WAIT') => ({
      family: 'IPv4' as const,
      local: endpoint('127.0.0.1', 65432),
      remote: endpoint('127.0.0.1', 51234),
      state,
      sendQueue: 0,
      recvQueue: 0,
      inode: 7,
      socketId: 's3',
    });
    store.getState().setKernelWatching(true);
    const snapshot = { type: 'kernel' as const, available: true, scope: 'playground' as const, truncated: 0 };
    store.getState().receiveKernel({ ...snapshot, t: 1, rows: [row('CLOSE_WAIT')] });
    store.getState().receiveKernel({ ...snapshot, t: 2, rows: [] });
    renderWithPlayground(<SocketList />, { store });
    const card = screen.getAllByTestId('socket-card').find((c) => c.dataset.socketId === 's3')!;
    expect(card).toHaveAttribute('data-state', 'fin-received');
    expect(within(card).getByTestId('card-kernel-state')).toHaveAttribute('data-state', 'gone');
    expect(within(card).getByTestId('kernel-forgot')).toHaveTextContent(/next send\(\) fails with EPIPE/);
  });
});
