import { SessionInfo } from '@playground/protocol';
import { BridgeTestClient } from '../bridge-client.ts';

export const MESSAGE = 'hola mundo, this is a message longer than sixteen bytes';

/**
 * What a page does first, against a running playground at `url`: the token from api/session (with
 * the page's Origin), a WebSocket session, a TCP echo server with recv(16), a client, one message
 * echoed whole. Resolves with the session, still open, and what came back.
 */
export async function echoOnce(url: string): Promise<{ session: BridgeTestClient; echoed: string }> {
  const origin = new URL(url).origin;
  const answer = await fetch(`${url}api/session`, { headers: { origin, 'sec-fetch-site': 'same-origin' } });
  const { token } = SessionInfo.parse(await answer.json());
  const session = await BridgeTestClient.open({ port: Number(new URL(url).port), token: token ?? '' });
  const server = (await session.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize: 16 })).socket!;
  const client = (await session.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!;
  await session.ok({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value: MESSAGE } });
  const received = () => session.eventsOf(client.id, 'recv');
  await session.waitFor(() => received().reduce((n, e) => n + e.size, 0) >= MESSAGE.length, 5000, 'the echo');
  const echoed = Buffer.concat(received().map((e) => Buffer.from(e.data, 'base64'))).toString();
  return { session, echoed };
}
