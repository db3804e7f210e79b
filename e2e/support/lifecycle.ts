import type { Locator, Page } from 'playwright-core';
import { chooseProtocol, openClient, waitForState } from './ui.ts';

export interface TcpServerFields {
  recvSize?: string;
  behaviour?: 'echo' | 'none';
  concurrency?: 'concurrent' | 'one-at-a-time';
  backlog?: string;
}

export const card = (page: Page, id: string): Locator =>
  page.locator(`[data-testid="socket-card"][data-socket-id="${id}"]`);

/** Starts a TCP server through the form, with the lifecycle options; returns its id and port. */
export async function startTcpServer(page: Page, fields: TcpServerFields = {}): Promise<{ id: string; port: string }> {
  const form = page.locator('[data-testid="server-form"]');
  const servers = page.locator('[data-testid="socket-card"][data-kind="tcp-server"]');
  const before = await servers.count();
  await chooseProtocol(page, 'server-form', 'tcp');
  await form.locator('[name="port"]').fill('0');
  await form.locator('[name="recvSize"]').fill(fields.recvSize ?? '1024');
  await form.locator('[name="backlog"]').fill(fields.backlog ?? '128');
  await form.locator('[name="behaviour"]').selectOption(fields.behaviour ?? 'echo');
  await form.locator('[name="concurrency"]').selectOption(fields.concurrency ?? 'concurrent');
  await form.locator('button[type="submit"]').click();
  const server = servers.nth(before);
  await server.waitFor();
  const id = (await server.getAttribute('data-socket-id')) as string;
  const text = (await server.locator('.socket-card__addresses').first().textContent()) ?? '';
  const port = /:(\d+)/.exec(text)?.[1];
  if (!port) throw new Error(`no port on the server card: ${text}`);
  return { id, port };
}

/** Opens a TCP client and waits until it is established; returns its id. */
export async function connectClient(page: Page, port: string): Promise<string> {
  const id = await openClient(page, { protocol: 'tcp', port });
  await waitForState(page, id, 'established');
  return id;
}

/** Types a message into a socket card's send box and sends it. */
export async function sendFrom(page: Page, id: string, message: string): Promise<void> {
  const c = card(page, id);
  await c.locator('[name="message"]').first().fill(message);
  await c.getByRole('button', { name: 'Send', exact: true }).first().click();
}

/** The accepted connection whose remote port is the client's local port. */
export async function connOf(page: Page, clientId: string): Promise<string> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const peer = await card(page, clientId).locator('[data-testid="peer-status"]').first().getAttribute('data-peer-id');
    if (peer) return peer;
    await page.waitForTimeout(50);
  }
  throw new Error(`no accepted connection found for ${clientId}`);
}

export async function openView(
  page: Page,
  view: 'log' | 'wire' | 'kernel' | 'flow' | 'clients' | 'code',
): Promise<void> {
  await page.locator(`[data-testid="view-tab-${view}"]`).click();
  await page.locator(`[data-testid="views"][data-view="${view}"]`).waitFor();
}

export const counter = (page: Page, id: string, which: 'bytes-in' | 'bytes-out' | 'reads' | 'writes') =>
  card(page, id).locator(`[data-testid="${which}"]`).first().textContent();
