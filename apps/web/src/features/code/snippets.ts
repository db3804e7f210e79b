import type { FramingConfig } from '@playground/codec';
import type { Behaviour } from '@playground/protocol';

/**
 * The equivalent of a playground socket as a learner would write it: Python 3 in the seeds' style
 * (socket, bind, listen, accept, recv(N), sendall) and plain Node.js. Filled in with the socket's
 * own host, port, buffer size and message, and written for the server on the other end: a client
 * waits only for the answer that server gives, so the script runs as shown and ends.
 */

/** What a playground server does with what it reads (every behaviour the server form offers). */
export type ServerBehaviour = Exclude<Behaviour, 'sensor'>;

/** The server a client talks to, as far as the page knows it: its behaviour, or `unknown`. */
export type Answerer = ServerBehaviour | 'unknown';

export interface TcpServerSpec {
  kind: 'tcp-server';
  host: string;
  port: number;
  backlog: number;
  recvSize: number;
  /** `one-at-a-time` (default) is the seeds' accept() loop; `concurrent` serves each client in its own thread. */
  concurrency?: 'concurrent' | 'one-at-a-time';
  /** Default `echo`. */
  behaviour?: ServerBehaviour;
  /** framed-json: how messages are framed. */
  framing?: FramingConfig;
}

export interface TcpClientSpec {
  kind: 'tcp-client';
  host: string;
  port: number;
  recvSize: number;
  message: Uint8Array;
  /** What the server answers; default `echo`. */
  server?: Answerer;
  /** framed-json: the server's framing. */
  framing?: FramingConfig;
}

export interface UdpServerSpec {
  kind: 'udp-server';
  host: string;
  port: number;
  recvSize: number;
  /** Default `echo`. */
  behaviour?: ServerBehaviour;
  framing?: FramingConfig;
}

export interface UdpClientSpec {
  kind: 'udp-client';
  host: string;
  port: number;
  recvSize: number;
  message: Uint8Array;
  server?: Answerer;
  framing?: FramingConfig;
}

export type SnippetSpec = TcpServerSpec | TcpClientSpec | UdpServerSpec | UdpClientSpec;

/** How a client's script ends: it reads the echo back, reads until the server closes, reads a few lines, or does not wait. */
export type ClientPlan = 'echo' | 'until-closed' | 'some-lines' | 'one-frame' | 'no-answer' | 'one-answer';

/** What a client of `server` waits for, so the script never hangs on an answer that never comes. */
export function clientPlan(server: Answerer = 'echo'): ClientPlan {
  switch (server) {
    case 'echo':
    case 'upper':
      return 'echo';
    case 'qotd':
    case 'daytime':
      return 'until-closed';
    case 'chargen':
      return 'some-lines';
    case 'framed-json':
      return 'one-frame';
    case 'none':
    case 'discard':
      return 'no-answer';
    case 'unknown':
      return 'one-answer';
  }
}

/** A quote or the time comes only when asked over UDP: any datagram is a question. */
export function udpClientPlan(server: Answerer = 'echo'): ClientPlan {
  const plan = clientPlan(server);
  return plan === 'until-closed' || plan === 'some-lines' || plan === 'echo' ? 'one-answer' : plan;
}

/** Chargen lines a client reads before it closes. */
export const CHARGEN_READS = 3;
/** Seconds a client waits for an answer it is not sure will come. */
export const ANSWER_TIMEOUT_S = 5;
