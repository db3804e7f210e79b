import { hasChromium } from '@playground/testkit/browser';
import { describe, expect, it } from 'vitest';
import { usePlaygroundPage } from './support/page-session.ts';
import { traceWithCode } from './support/trace.ts';
import { startServer } from './support/ui.ts';

describe.skipIf(!hasChromium)('a learner’s own program on the page', () => {
  const session = usePlaygroundPage({ width: 1366, height: 768 });

  it('shows its sockets and calls with their lines, joined to the playground’s end, and a hint', async () => {
    const { page, playground } = session;
    const port = await startServer(page, { protocol: 'tcp', port: '0', recvSize: '16' });
    const box = page.locator('[data-testid="attach-program"]');
    await expect
      .poll(() => box.locator('[data-testid="attach-command"]').first().textContent())
      .toBe('pnpm trace -- python3 my_server.py');
    const code = (await box.locator('[data-testid="attach-code"] code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    // Seed 001's client reads once with recv(1024): it gets the echo's first 16-byte piece unless the
    // machine was so busy that all 52 bytes had arrived by then. A run that got them all has no hint
    // to show, so the program runs again (a few times at most) until one read a piece.
    const programs = page.locator('[data-testid="program-card"]');
    let program = programs.last();
    let socket = program.locator('[data-testid="socket-card"]');
    for (let run = 1; run <= 4; run++) {
      const exit = await traceWithCode(playground.url, code, [
        'python3',
        'docs/examples/python/seed001_echo_client.py',
        port,
      ]);
      expect(exit).toBe(0);
      await expect.poll(() => programs.count()).toBe(run);
      program = programs.nth(run - 1);
      await program.locator('[data-testid="program-status"]').filter({ hasText: 'ended (0)' }).waitFor();
      socket = program.locator('[data-testid="socket-card"]');
      const id = await socket.getAttribute('data-socket-id');
      const read = page.locator(`[data-testid="event-row"][data-socket-id="${id}"] .log-row__event`, {
        hasText: 'line 12: recv(1024)',
      });
      await read.waitFor();
      if ((await read.textContent())?.endsWith('→ 16 bytes')) break;
    }
    await expect.poll(() => program.getAttribute('data-pid')).toMatch(/^[1-9]\d*$/);
    await expect.poll(() => socket.getAttribute('data-kind')).toBe('tcp-client');
    await expect.poll(() => socket.getByRole('button', { name: 'Close', exact: true }).count()).toBe(0);
    const hint = socket.locator('[data-testid="program-hint"]');
    await expect.poll(() => hint.getAttribute('data-code')).toBe('recv-not-message');
    expect(await hint.textContent()).toContain('line 12: One recv() is not one message');

    // The log reads the calls with their lines; the hint has a row of its own.
    const socketId = await socket.getAttribute('data-socket-id');
    const rows = page.locator(`[data-testid="event-row"][data-socket-id="${socketId}"]`);
    await expect
      .poll(() => rows.locator('.log-row__event').allTextContents())
      .toEqual([
        'opened',
        'line 9: socket(AF_INET, SOCK_STREAM)',
        `line 10: connect(('127.0.0.1', ${port}))`,
        "line 11: sendall(b'Hello world! This…) → 52 bytes",
        'line 12: recv(1024) → 16 bytes',
        'Hint (line 12): One recv() is not one message',
        'line 9: close()',
      ]);
    await page.screenshot({ path: 'e2e/screenshots/trace-1366.png' });

    // The flow diagram joins the program's client to the playground's connection.
    await page.getByRole('tab', { name: 'Flow' }).click();
    const flow = page.locator('[data-testid="flow-view"]');
    await expect.poll(() => flow.textContent()).toContain('line 11: sendall() · 52 B');
    expect(await flow.locator('option').first().textContent()).toContain('seed001_echo_client.py: client');

    await page.setViewportSize({ width: 1024, height: 768 });
    await program.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e/screenshots/trace-1024.png' });

    // In Spanish, the same hint.
    await page.locator('[data-testid="language-switch"]').selectOption('es');
    await expect.poll(() => hint.textContent()).toContain('línea 12: Un recv() no es un mensaje');
    await page.locator('[data-testid="language-switch"]').selectOption('en');
    expect(session.errors).toEqual([]);
  });
});
