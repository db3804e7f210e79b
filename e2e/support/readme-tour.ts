import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { Locator, Page } from 'playwright-core';

/**
 * The README's "five-minute tour", step by step, as a learner follows it on a fresh page: clicking
 * the labels the README names, in its order, and checking every outcome it promises. The tour's
 * own browser test runs it; so do the screens test (every screen size and zoom a class has), the
 * workspace and accessibility tests, and `pnpm screenshots` (outside vitest: hence node:assert and
 * a poll of its own). Keep it in step with README.md: a change to one is a change to the other.
 */

export const TOUR_MESSAGE = 'hola mundo, this is a message longer than sixteen bytes';
export const SEED_PORT = 65432;

/** What the steps learn as they go: the sockets they made, by the name the README gives them. */
export interface TourState {
  /**
   * Whether 65432 was free before the page opened, when the caller checked (`tcpPortFree`): the
   * form must then show it as is, or say it is taken. Unknown: the form's own answer is checked.
   */
  seedPortFree?: boolean;
  /** Step 1's TCP echo server, its port, the client of step 2 and the connection its server accepted. */
  server?: string;
  serverPort?: string;
  client?: string;
  conn?: string;
  /** Step 5's UDP server and client. */
  udpServer?: string;
  udpClient?: string;
  /** Step 7's Framed JSON server, its client and the connection it accepted. */
  framedServer?: string;
  framedClient?: string;
  framedConn?: string;
}

export interface TourStep {
  n: number;
  title: string;
  run(page: Page, state: TourState): Promise<void>;
}

/** Whether a TCP server could listen on 127.0.0.1:`port` now (checked before the page opens). */
export function tcpPortFree(port = SEED_PORT): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ host: '127.0.0.1', port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** Retries `check` until it passes, for at most `timeout` ms; then fails with its last error. */
async function eventually(check: () => Promise<void>, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `read()` comes to equal `want`. */
const becomes = <T>(read: () => Promise<T>, want: T, timeout?: number) =>
  eventually(async () => assert.deepEqual(await read(), want), timeout);

/** `read()` comes to match `pattern`. */
const comesToMatch = (read: () => Promise<string | null>, pattern: RegExp, timeout?: number) =>
  eventually(async () => assert.match((await read()) ?? '', pattern), timeout);

const serverForm = (page: Page) => page.locator('[data-testid="server-form"]');
const clientForm = (page: Page) => page.locator('[data-testid="client-form"]');
const card = (page: Page, id: string) => page.locator(`[data-testid="socket-card"][data-socket-id="${id}"]`);
const button = (scope: Locator, name: string) => scope.getByRole('button', { name, exact: true });
/** TCP | UDP and the recv() chips are radio groups: one choice, named by its visible text. */
const choice = (scope: Locator, name: string) => scope.getByRole('radio', { name, exact: true });
const rows = (page: Page, id: string, type: string) =>
  page.locator(`[data-testid="event-row"][data-socket-id="${id}"][data-type="${type}"]`);
const chosenProtocol = (form: Locator, protocol: 'tcp' | 'udp') =>
  form.locator(`[name="protocol"][data-value="${protocol}"]`).getAttribute('aria-checked');

/** The newest card of a kind that was not there before `before`. */
async function newCard(page: Page, kind: string, before: string[]): Promise<string> {
  const cards = page.locator(`[data-testid="socket-card"][data-kind="${kind}"]`);
  let id: string | undefined;
  await eventually(async () => {
    const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-socket-id') as string));
    id = ids.find((x) => !before.includes(x));
    assert.ok(id, `no new ${kind} card`);
  });
  return id as string;
}

const ids = (page: Page) =>
  page
    .locator('[data-testid="socket-card"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-socket-id') as string));

async function portOfCard(page: Page, id: string): Promise<string> {
  const text = (await card(page, id).locator('.socket-card__addresses').first().textContent()) ?? '';
  return /127\.0\.0\.1:(\d+)/.exec(text)?.[1] ?? '';
}

async function inspectorView(page: Page, view: 'hex' | 'ribbon' | 'frames' | 'struct'): Promise<Locator> {
  const inspector = page.locator('[data-testid="inspector"]');
  await inspector.locator(`[data-testid="inspector-view-${view}"]`).click();
  return inspector;
}

export const TOUR: TourStep[] = [
  {
    n: 1,
    title: 'Start a server',
    async run(page, state) {
      const form = serverForm(page);
      assert.equal(await chosenProtocol(form, 'tcp'), 'true');
      assert.equal(await form.locator('[name="host"]').inputValue(), '127.0.0.1');
      // The form has asked the bridge whether the seed's port is free.
      await page.locator('[data-testid="server-form"][data-suggested-port]').waitFor();
      const seedShown = (await form.getAttribute('data-suggested-port')) === String(SEED_PORT);
      if (state.seedPortFree !== undefined) assert.equal(seedShown, state.seedPortFree);
      if (seedShown) {
        assert.equal(await form.locator('[name="port"]').inputValue(), String(SEED_PORT));
        assert.equal(await form.locator('[data-testid="port-note"]').count(), 0);
      } else {
        // "if another program already holds 65432, the form proposes a free port and says so"
        await comesToMatch(() => form.locator('[data-testid="port-note"]').textContent(), /65432 is taken/);
        assert.notEqual(await form.locator('[name="port"]').inputValue(), String(SEED_PORT));
      }
      await choice(form, 'recv(16)').click();
      assert.equal(await form.locator('[name="recvSize"]').inputValue(), '16');
      const before = await ids(page);
      await button(form, 'Start server').click();
      state.server = await newCard(page, 'tcp-server', before);
      await becomes(() => card(page, state.server as string).getAttribute('data-state'), 'listening');
      state.serverPort = await portOfCard(page, state.server);
      if (seedShown) assert.equal(state.serverPort, String(SEED_PORT));
    },
  },
  {
    n: 2,
    title: 'Open a client',
    async run(page, state) {
      const form = clientForm(page);
      // "Open a client now points at the server you just started."
      await becomes(() => form.locator('[name="port"]').inputValue(), state.serverPort);
      assert.equal(await form.locator('[name="host"]').inputValue(), '127.0.0.1');
      const before = await ids(page);
      await button(form, 'Connect').click();
      state.client = await newCard(page, 'tcp-client', before);
      state.conn = await newCard(page, 'tcp-conn', before);
      for (const id of [state.client, state.conn]) {
        await becomes(() => card(page, id).getAttribute('data-state'), 'established');
      }
      // The connection is the one the server's accept() returned: it sits in the server's card.
      assert.equal(
        await card(page, state.server as string)
          .locator(`[data-socket-id="${state.conn}"]`)
          .count(),
        1,
      );
    },
  },
  {
    n: 3,
    title: 'Send',
    async run(page, state) {
      const client = card(page, state.client as string);
      assert.equal(await client.locator('[name="message"]').inputValue(), TOUR_MESSAGE);
      await button(client, 'Send').click();
      const conn = state.conn as string;
      // One write of 55 bytes, four recv of 16, 16, 16 and 7 at the server, four writes back, the client's reads.
      await becomes(() => rows(page, state.client as string, 'send').evaluateAll(sizes), ['55']);
      await becomes(() => rows(page, conn, 'recv').evaluateAll(sizes), ['16', '16', '16', '7']);
      await becomes(() => rows(page, conn, 'send').count(), 4);
      await becomes(
        () =>
          rows(page, state.client as string, 'recv').evaluateAll((els) =>
            els.reduce((n, e) => n + Number(e.getAttribute('data-size')), 0),
          ),
        55,
      );
      // "Click the server's connection to see its bytes in the hex inspector, each piece in its own colour."
      await card(page, conn).locator('.socket-card__title').click();
      const inspector = await inspectorView(page, 'hex');
      await becomes(() => inspector.locator('[data-testid="hex-byte"]').count(), 55);
      const pieces = await inspector
        .locator('[data-testid="hex-byte"]')
        .evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-piece'))).size);
      assert.equal(pieces, 4);
      assert.ok((await inspector.locator('[data-testid="piece-boundary"]').count()) >= 3);
    },
  },
  {
    n: 4,
    title: 'End',
    async run(page, state) {
      await button(card(page, state.client as string), 'End (FIN)').click();
      // The connection reads 0 bytes (b''), closes its side too, and both cards move to closed.
      await becomes(() => rows(page, state.conn as string, 'fin-received').count(), 1);
      for (const id of [state.client as string, state.conn as string]) {
        await becomes(() => card(page, id).getAttribute('data-state'), 'closed');
      }
    },
  },
  {
    n: 5,
    title: 'UDP',
    async run(page, state) {
      const form = serverForm(page);
      await choice(form, 'UDP').click();
      await form.locator('[name="recvSize"]').fill('8');
      let before = await ids(page);
      await button(form, 'Start server').click();
      const server = await newCard(page, 'udp', before);
      state.udpServer = server;
      // "Open a client follows it": press Open UDP client.
      const clients = clientForm(page);
      await becomes(() => chosenProtocol(clients, 'udp'), 'true');
      await becomes(() => clients.locator('[name="port"]').inputValue(), await portOfCard(page, server));
      before = await ids(page);
      await button(clients, 'Open UDP client').click();
      const client = await newCard(page, 'udp', before);
      state.udpClient = client;
      await card(page, client).locator('[name="message"]').fill('twenty bytes of text');
      await button(card(page, client), 'Send').click();
      const clientPort = await portOfCard(page, client);
      // recvfrom(8) gets 8 bytes from 127.0.0.1:<port>; the log and the server's card say 12 bytes were lost.
      const datagram = rows(page, server, 'datagram-in');
      await becomes(() => datagram.evaluateAll(sizes), ['8']);
      assert.ok((await datagram.textContent())?.includes(`127.0.0.1:${clientPort}`));
      assert.ok((await datagram.textContent())?.includes('12 bytes lost'));
      assert.match(
        (await card(page, server).locator('[data-testid="lost-bytes"]').textContent()) ?? '',
        /^12 bytes lost/,
      );
    },
  },
  {
    n: 6,
    title: 'Writes are not reads',
    async run(page) {
      const demos = page.locator('[data-testid="chunk-demos"]');
      const results: Record<string, RegExp> = {
        coalesce: /3 writes → 1 read\b/,
        split: /1 write → 4 reads/,
        udp: /4 datagrams → 4 reads, none merged/,
      };
      for (const [demo, result] of Object.entries(results)) {
        const box = demos.locator(`[data-demo="${demo}"]`);
        assert.ok(await box.locator('.demo__explain').textContent());
        await button(box, 'Run').click();
        await comesToMatch(() => box.locator('[data-testid="demo-result"]').textContent(), result, 10_000);
        // Each ends on the reader's Ribbon, showing exactly its own writes and reads.
        const inspector = page.locator('[data-testid="inspector"]');
        await becomes(
          () => inspector.locator('[data-testid="inspector-view-ribbon"]').getAttribute('aria-checked'),
          'true',
        );
        const summary = inspector.locator('[data-testid="ribbon-summary"]');
        if (demo === 'coalesce') await comesToMatch(() => summary.textContent(), /^12 bytes · .*3 → .*1$/);
        if (demo === 'split') await comesToMatch(() => summary.textContent(), /^55 bytes · .*1 → .*4$/);
        if (demo === 'udp') await comesToMatch(() => summary.textContent(), /4 datagrams/);
      }
    },
  },
  {
    n: 7,
    title: 'Framing',
    async run(page, state) {
      const form = serverForm(page);
      await choice(form, 'TCP').click();
      await form.getByLabel('Behaviour').selectOption({ label: 'Framed JSON' });
      // Step 1's server still holds its port: the form proposes a free one and says so. (When step 1
      // got another port because something else held 65432, that holder may have let go since.)
      const note = form.locator('[data-testid="port-note"]');
      await eventually(async () => {
        const port = await form.locator('[name="port"]').inputValue();
        assert.notEqual(port, state.serverPort);
        if (state.serverPort === String(SEED_PORT) || port !== String(SEED_PORT)) {
          assert.match((await note.count()) > 0 ? ((await note.textContent()) ?? '') : '', /65432 is taken/);
        }
      });
      let before = await ids(page);
      await button(form, 'Start server').click();
      const server = await newCard(page, 'tcp-server', before);
      state.framedServer = server;
      const port = await portOfCard(page, server);
      await becomes(() => clientForm(page).locator('[name="port"]').inputValue(), port);
      before = await ids(page);
      await button(clientForm(page), 'Connect').click();
      const client = await newCard(page, 'tcp-client', before);
      const conn = await newCard(page, 'tcp-conn', before);
      state.framedClient = client;
      state.framedConn = conn;
      const box = card(page, client);
      await becomes(() => box.getAttribute('data-state'), 'established');
      await box.getByText('Writes, framing, Nagle, struct').click();
      await box.locator('.send-options').getByLabel('Frame the message before sending').selectOption({
        label: 'Seed 002: pad to 60',
      });
      await box.locator('[name="message"]').fill('{"nombre": "Margot"}');
      await button(box, 'Send').click();
      // The connection's Frames view: one decoded frame, however recv() cut it.
      await card(page, conn).locator('.socket-card__title').click();
      let inspector = await inspectorView(page, 'frames');
      await becomes(() => inspector.locator('[data-testid="frame"]').count(), 1);
      assert.deepEqual(JSON.parse((await inspector.locator('[data-testid="frame-json"]').textContent()) ?? ''), {
        nombre: 'Margot',
      });
      // The client's: the answer.
      await box.locator('.socket-card__title').click();
      inspector = await inspectorView(page, 'frames');
      await becomes(
        () => inspector.locator('[data-testid="frame-json"]').first().textContent(),
        JSON.stringify("Respuesta asociada al mensaje {'nombre': 'Margot'}"),
      );
      // Struct unpacks binary records (>iii) into named fields.
      inspector = await inspectorView(page, 'struct');
      assert.equal(await inspector.locator('[name="structFormat"]').inputValue(), '>iii');
    },
  },
];

function sizes(els: Element[]): string[] {
  return els.map((e) => e.getAttribute('data-size') as string);
}

/**
 * Follows the whole tour on `page` (fresh, connected) and returns the sockets it made; `afterStep`
 * runs after each step (a screenshot…).
 */
export async function runReadmeTour(
  page: Page,
  options: { seedPortFree?: boolean; afterStep?: (step: TourStep, page: Page) => Promise<void> } = {},
): Promise<TourState> {
  const state: TourState = options.seedPortFree === undefined ? {} : { seedPortFree: options.seedPortFree };
  for (const step of TOUR) {
    try {
      await step.run(page, state);
    } catch (error) {
      // Which step of the README failed, not only which locator.
      (error as Error).message = `step ${step.n} (${step.title}): ${(error as Error).message}`;
      throw error;
    }
    await options.afterStep?.(step, page);
  }
  return state;
}
