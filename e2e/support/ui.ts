import type { Page } from 'playwright-core';

interface ServerFields {
  protocol: 'tcp' | 'udp';
  port: string;
  recvSize: string;
}

/** TCP | UDP is a radio group of buttons: each option carries the field's name and its value. */
export async function chooseProtocol(page: Page, form: string, protocol: 'tcp' | 'udp'): Promise<void> {
  await page.locator(`[data-testid="${form}"] [name="protocol"][data-value="${protocol}"]`).check();
}

/** Fills the "Start a server" form like a learner would; returns the port the OS gave it. */
export async function startServer(page: Page, fields: ServerFields): Promise<string> {
  const form = page.locator('[data-testid="server-form"]');
  const kind = fields.protocol === 'tcp' ? 'tcp-server' : 'udp';
  const before = await page.locator(`[data-testid="socket-card"][data-kind="${kind}"]`).count();
  await chooseProtocol(page, 'server-form', fields.protocol);
  await form.locator('[name="port"]').fill(fields.port);
  await form.locator('[name="recvSize"]').fill(fields.recvSize);
  await form.locator('button[type="submit"]').click();
  const card = page.locator(`[data-testid="socket-card"][data-kind="${kind}"]`).nth(before);
  await card.waitFor();
  const text = (await card.textContent()) ?? '';
  const port = /127\.0\.0\.1:(\d+)/.exec(text)?.[1];
  if (!port) throw new Error(`no port on the server card: ${text}`);
  return port;
}

/** Fills the "Open a client" form; returns the new client's socket id. */
export async function openClient(page: Page, fields: { protocol: 'tcp' | 'udp'; port: string }): Promise<string> {
  const form = page.locator('[data-testid="client-form"]');
  const ids = await page
    .locator('[data-testid="socket-card"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-socket-id')));
  await chooseProtocol(page, 'client-form', fields.protocol);
  await form.locator('[name="port"]').fill(fields.port);
  await form.locator('button[type="submit"]').click();
  const kind = fields.protocol === 'tcp' ? 'tcp-client' : 'udp';
  const card = page.locator(`[data-testid="socket-card"][data-kind="${kind}"]`).last();
  await card.waitFor();
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const id = await page
      .locator(`[data-testid="socket-card"][data-kind="${kind}"]`)
      .last()
      .getAttribute('data-socket-id');
    if (id && !ids.includes(id)) return id;
    await page.waitForTimeout(50);
  }
  throw new Error('the client card did not appear');
}

export function waitForState(page: Page, socketId: string, state: string): Promise<void> {
  return page
    .locator(`[data-testid="socket-card"][data-socket-id="${socketId}"][data-state="${state}"]`)
    .waitFor({ timeout: 10_000 });
}
