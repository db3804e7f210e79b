import { createServer } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The README's "five-minute tour", step by step, as a learner follows it on a fresh page: clicking
 * the labels the README names, in its order, and checking every outcome it promises. The tour's
 * own browser test runs it; layout tests run it too, at other screen sizes, with `afterStep` taking
 * a screenshot. Keep it in step with README.md: a change to one is a change to the other.
 */

export const TOUR_MESSAGE = 'hola mundo, this is a message longer than sixteen bytes';
export const SEED_PORT = 65432;

/** What the steps learn as they go: the sockets they made, by the name the README gives them. */
export interface TourState {
  /** Whether 65432 was free before the page opened: the README's form then shows it as is. */
  seedPortFree: boolean;
  serverPort?: string;
  server?: string;
  client?: string;
  conn?: string;
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

const serverForm = (page: Page) => page.locator('[data-testid="server-form"]');
const clientForm = (page: Page) => page.locator('[data-testid="client-form"]');
const card = (page: Page, id: string) => page.locator(`[data-testid="socket-card"][data-socket-id="${id}"]`);
const button = (scope: Locator, name: string) => scope.getByRole('button', { name, exact: true });
const rows = (page: Page, id: string, type: string) =>
  page.locator(`[data-testid="event-row"][data-socket-id="${id}"][data-type="${type}"]`);

/** The newest card of a kind that was not there before `before`. */
async function newCard(page: Page, kind: string, before: string[]): Promise<string> {
  const cards = page.locator(`[data-testid="socket-card"][data-kind="${kind}"]`);
  let id: string | undefined;
  await expect
    .poll(async () => {
      const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-socket-id') as string));
      id = ids.find((x) => !before.includes(x));
      return id;
    })
    .toBeDefined();
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
  await inspector.locator(`[data-view="${view}"]`).click();
  return inspector;
}

export const TOUR: TourStep[] = [
  {
    n: 1,
    title: 'Start a server',
    async run(page, state) {
      const form = serverForm(page);
      await expect.poll(() => form.locator('[name="protocol"][value="tcp"]').isChecked()).toBe(true);
      expect(await form.locator('[name="host"]').inputValue()).toBe('127.0.0.1');
      if (state.seedPortFree) {
        expect(await form.locator('[name="port"]').inputValue()).toBe(String(SEED_PORT));
      } else {
        // "if another program already holds 65432, the form proposes a free port and says so"
        await expect.poll(() => form.locator('[data-testid="port-note"]').textContent()).toMatch(/65432 is taken/);
      }
      await button(form, 'recv(16)').click();
      expect(await form.locator('[name="recvSize"]').inputValue()).toBe('16');
      const before = await ids(page);
      await button(form, 'Start server').click();
      state.server = await newCard(page, 'tcp-server', before);
      await expect.poll(() => card(page, state.server as string).getAttribute('data-state')).toBe('listening');
      state.serverPort = await portOfCard(page, state.server);
      if (state.seedPortFree) expect(state.serverPort).toBe(String(SEED_PORT));
    },
  },
  {
    n: 2,
    title: 'Open a client',
    async run(page, state) {
      const form = clientForm(page);
      // "Open a client now points at the server you just started."
      await expect.poll(() => form.locator('[name="port"]').inputValue()).toBe(state.serverPort);
      expect(await form.locator('[name="host"]').inputValue()).toBe('127.0.0.1');
      const before = await ids(page);
      await button(form, 'Connect').click();
      state.client = await newCard(page, 'tcp-client', before);
      state.conn = await newCard(page, 'tcp-conn', before);
      for (const id of [state.client, state.conn]) {
        await expect.poll(() => card(page, id).getAttribute('data-state')).toBe('established');
      }
      // The connection is the one the server's accept() returned: it sits in the server's card.
      expect(
        await card(page, state.server as string)
          .locator(`[data-socket-id="${state.conn}"]`)
          .count(),
      ).toBe(1);
    },
  },
  {
    n: 3,
    title: 'Send',
    async run(page, state) {
      const client = card(page, state.client as string);
      expect(await client.locator('[name="message"]').inputValue()).toBe(TOUR_MESSAGE);
      await button(client, 'Send').click();
      const conn = state.conn as string;
      // One write of 55 bytes, four recv of 16, 16, 16 and 7 at the server, four writes back, the client's reads.
      await expect.poll(() => rows(page, state.client as string, 'send').evaluateAll(sizes)).toEqual(['55']);
      await expect.poll(() => rows(page, conn, 'recv').evaluateAll(sizes)).toEqual(['16', '16', '16', '7']);
      await expect.poll(() => rows(page, conn, 'send').count()).toBe(4);
      await expect
        .poll(() =>
          rows(page, state.client as string, 'recv').evaluateAll((els) =>
            els.reduce((n, e) => n + Number(e.getAttribute('data-size')), 0),
          ),
        )
        .toBe(55);
      // "Click the server's connection to see its bytes in the hex inspector, each piece in its own colour."
      await card(page, conn).locator('.socket-card__title').click();
      const inspector = await inspectorView(page, 'hex');
      await expect.poll(() => inspector.locator('[data-testid="hex-byte"]').count()).toBe(55);
      const pieces = await inspector
        .locator('[data-testid="hex-byte"]')
        .evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-piece'))).size);
      expect(pieces).toBe(4);
      expect(await inspector.locator('[data-testid="piece-boundary"]').count()).toBeGreaterThanOrEqual(3);
    },
  },
  {
    n: 4,
    title: 'End',
    async run(page, state) {
      await button(card(page, state.client as string), 'End (FIN)').click();
      // The connection reads 0 bytes (b''), closes its side too, and both cards move to closed.
      await expect.poll(() => rows(page, state.conn as string, 'fin-received').count()).toBe(1);
      for (const id of [state.client as string, state.conn as string]) {
        await expect.poll(() => card(page, id).getAttribute('data-state')).toBe('closed');
      }
    },
  },
  {
    n: 5,
    title: 'UDP',
    async run(page) {
      const form = serverForm(page);
      await form.getByRole('radio', { name: 'UDP' }).check();
      await form.locator('[name="recvSize"]').fill('8');
      let before = await ids(page);
      await button(form, 'Start server').click();
      const server = await newCard(page, 'udp', before);
      // "Open a client follows it": press Open UDP client.
      const clients = clientForm(page);
      await expect.poll(() => clients.locator('[name="protocol"][value="udp"]').isChecked()).toBe(true);
      before = await ids(page);
      await button(clients, 'Open UDP client').click();
      const client = await newCard(page, 'udp', before);
      await card(page, client).locator('[name="message"]').fill('twenty bytes of text');
      await button(card(page, client), 'Send').click();
      const clientPort = await portOfCard(page, client);
      // recvfrom(8) gets 8 bytes from 127.0.0.1:<port>, and the log says 12 bytes were lost.
      const datagram = rows(page, server, 'datagram-in');
      await expect.poll(() => datagram.evaluateAll(sizes)).toEqual(['8']);
      expect(await datagram.textContent()).toContain(`127.0.0.1:${clientPort}`);
      expect(await datagram.textContent()).toContain('lost 12 bytes');
    },
  },
  {
    n: 6,
    title: 'Writes are not reads',
    async run(page) {
      const demos = page.locator('[data-testid="chunk-demos"]');
      const expected: Record<string, RegExp> = {
        coalesce: /3 writes → 1 read\b/,
        split: /1 write → 4 reads/,
        udp: /4 datagrams → 4 reads, none merged/,
      };
      for (const [demo, result] of Object.entries(expected)) {
        const box = demos.locator(`[data-demo="${demo}"]`);
        expect(await box.locator('.demo__explain').textContent()).toBeTruthy();
        await button(box, 'Run').click();
        await expect
          .poll(() => box.locator('[data-testid="demo-result"]').textContent(), { timeout: 10_000 })
          .toMatch(result);
        // Each ends on the reader's Ribbon, showing exactly its own writes and reads.
        const inspector = page.locator('[data-testid="inspector"]');
        await expect.poll(() => inspector.locator('[data-view="ribbon"]').getAttribute('aria-pressed')).toBe('true');
        const summary = inspector.locator('[data-testid="ribbon-summary"]');
        if (demo === 'coalesce') await expect.poll(() => summary.textContent()).toMatch(/^12 bytes · .*3 → .*1$/);
        if (demo === 'split') await expect.poll(() => summary.textContent()).toMatch(/^55 bytes · .*1 → .*4$/);
        if (demo === 'udp') await expect.poll(() => summary.textContent()).toMatch(/4 datagrams/);
      }
    },
  },
  {
    n: 7,
    title: 'Framing',
    async run(page, state) {
      const form = serverForm(page);
      await form.getByRole('radio', { name: 'TCP' }).check();
      await form.getByLabel('Behaviour').selectOption({ label: 'Framed JSON' });
      // Step 1's server still holds its port: the form proposes a free one and says so.
      await expect.poll(() => form.locator('[data-testid="port-note"]').textContent()).toMatch(/is taken/);
      await expect.poll(() => form.locator('[name="port"]').inputValue()).not.toBe(state.serverPort);
      let before = await ids(page);
      await button(form, 'Start server').click();
      const server = await newCard(page, 'tcp-server', before);
      const port = await portOfCard(page, server);
      await expect.poll(() => clientForm(page).locator('[name="port"]').inputValue()).toBe(port);
      before = await ids(page);
      await button(clientForm(page), 'Connect').click();
      const client = await newCard(page, 'tcp-client', before);
      const conn = await newCard(page, 'tcp-conn', before);
      const box = card(page, client);
      await expect.poll(() => box.getAttribute('data-state')).toBe('established');
      await box.getByText('Writes, framing, Nagle, struct').click();
      await box.locator('.send-options').getByLabel('Frame the message before sending').selectOption({
        label: 'Seed 002: pad to 60',
      });
      await box.locator('[name="message"]').fill('{"nombre": "Margot"}');
      await button(box, 'Send').click();
      // The connection's Frames view: one decoded frame, however recv() cut it.
      await card(page, conn).locator('.socket-card__title').click();
      let inspector = await inspectorView(page, 'frames');
      await expect.poll(() => inspector.locator('[data-testid="frame"]').count()).toBe(1);
      expect(JSON.parse((await inspector.locator('[data-testid="frame-json"]').textContent()) ?? '')).toEqual({
        nombre: 'Margot',
      });
      // The client's: the answer.
      await box.locator('.socket-card__title').click();
      inspector = await inspectorView(page, 'frames');
      await expect
        .poll(() => inspector.locator('[data-testid="frame-json"]').first().textContent())
        .toBe(JSON.stringify("Respuesta asociada al mensaje {'nombre': 'Margot'}"));
      // Struct unpacks binary records (>iii) into named fields.
      inspector = await inspectorView(page, 'struct');
      expect(await inspector.locator('[name="structFormat"]').inputValue()).toBe('>iii');
    },
  },
];

function sizes(els: Element[]): string[] {
  return els.map((e) => e.getAttribute('data-size') as string);
}

/** Follows the whole tour on `page` (fresh, connected); `afterStep` runs after each step (a screenshot…). */
export async function runReadmeTour(
  page: Page,
  options: { seedPortFree: boolean; afterStep?: (step: TourStep, page: Page) => Promise<void> },
): Promise<TourState> {
  const state: TourState = { seedPortFree: options.seedPortFree };
  for (const step of TOUR) {
    await step.run(page, state);
    await options.afterStep?.(step, page);
  }
  return state;
}
