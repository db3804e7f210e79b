import type { Page } from 'playwright-core';
import { openClient, startServer, waitForState } from './ui.ts';

export const TOUR_MESSAGE = 'hola mundo, this is a message longer than sixteen bytes';

export interface TourSockets {
  tcpServerPort: string;
  tcpClient: string;
  tcpConn: string;
  udpServerPort: string;
  udpClient: string;
}

const card = (page: Page, id: string) => page.locator(`[data-testid="socket-card"][data-socket-id="${id}"]`);

/**
 * The README's five-minute tour, steps 1 to 5, clicked as a learner would: a TCP echo server with
 * recv(16), a client that sends the seed's message (four recv() pieces), the server's connection
 * in the inspector, End (FIN), then a UDP server with recvfrom(8) cutting a 20-byte datagram.
 * Ports are the OS's choice (0), so tours in parallel browsers never clash.
 */
export async function readmeTour(page: Page): Promise<TourSockets> {
  // 1. Start a server (TCP, receive buffer 16).
  const tcpServerPort = await startServer(page, { protocol: 'tcp', port: '0', recvSize: '16' });
  // 2. Open a client and connect: both ends established.
  const tcpClient = await openClient(page, { protocol: 'tcp', port: tcpServerPort });
  await waitForState(page, tcpClient, 'established');
  // 3. Send the message already in the send box: the server reads it in four pieces.
  await card(page, tcpClient).getByRole('button', { name: 'Send', exact: true }).click();
  const conn = page.locator('[data-testid="socket-card"][data-kind="tcp-conn"]').last();
  await conn.locator('[data-testid="reads"]', { hasText: '4' }).waitFor();
  const tcpConn = (await conn.getAttribute('data-socket-id')) as string;
  await conn.getByRole('button', { name: new RegExp(`${tcpConn}$`) }).click();
  await page.locator('[data-testid="inspector"] [data-testid="hex-byte"]').first().waitFor();
  // 4. End (FIN): both sides close.
  await card(page, tcpClient).getByRole('button', { name: 'End (FIN)' }).click();
  await waitForState(page, tcpClient, 'closed');
  await waitForState(page, tcpConn, 'closed');
  // 5. UDP: recvfrom(8) gets 8 of 20 bytes, 12 are lost.
  const udpServerPort = await startServer(page, { protocol: 'udp', port: '0', recvSize: '8' });
  const udpClient = await openClient(page, { protocol: 'udp', port: udpServerPort });
  await card(page, udpClient).locator('[name="message"]').fill('twenty bytes of text');
  await card(page, udpClient).getByRole('button', { name: 'Send', exact: true }).click();
  await page.locator(`[data-testid="event-row"][data-type="datagram-in"][data-socket-id="${udpClient}"]`).waitFor();
  return { tcpServerPort, tcpClient, tcpConn, udpServerPort, udpClient };
}
