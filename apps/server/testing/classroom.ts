import {
  type ClassInfo,
  JoinReply,
  type Roster,
  type ServerMessage,
  type Snapshot,
  type Spotlight,
} from '@playground/protocol';
import { BridgeTestClient, httpRequest } from '@playground/testkit';
import type { Playground } from '../src/index.ts';

/** Joins the class as a student would: the code and a name, then the student's own token. */
export async function joinToken(p: Playground, name: string): Promise<string> {
  const answer = await httpRequest(p.port, '/api/join', {
    method: 'POST',
    headers: { host: `127.0.0.1:${p.port}`, 'content-type': 'application/json' },
    body: JSON.stringify({ code: p.joinCode, name }),
  });
  if (answer.status !== 200) throw new Error(`join answered ${answer.status}: ${answer.body}`);
  return JoinReply.parse(JSON.parse(answer.body)).token;
}

/** A session as the page opens it: `keep=1` asks the bridge to keep it for resuming; `resume` takes one over. */
export function openSession(
  p: Playground,
  token: string,
  options: { keep?: boolean; resume?: string } = {},
): Promise<BridgeTestClient> {
  let url = `ws://127.0.0.1:${p.port}/ws?token=${encodeURIComponent(token)}`;
  if (options.keep) url += '&keep=1';
  if (options.resume) url += `&resume=${encodeURIComponent(options.resume)}`;
  return BridgeTestClient.connect(url, { origin: `http://127.0.0.1:${p.port}` });
}

type Other<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

export function messagesOf<T extends ServerMessage['type']>(c: BridgeTestClient, type: T): Other<T>[] {
  return c.notices.filter((m): m is Other<T> => m.type === type);
}

export const lastRoster = (c: BridgeTestClient): Roster | undefined => messagesOf(c, 'roster').at(-1);
export const lastClassInfo = (c: BridgeTestClient): ClassInfo | undefined => messagesOf(c, 'class').at(-1);
export const spotlights = (c: BridgeTestClient): Spotlight[] => messagesOf(c, 'spotlight');
export const snapshots = (c: BridgeTestClient): Snapshot[] => messagesOf(c, 'snapshot');
