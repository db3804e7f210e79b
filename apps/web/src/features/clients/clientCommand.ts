import { MAX_RECV_SIZE, MIN_RECV_SIZE } from '@playground/protocol';
import type { CommandBody } from '../../bridge/client.ts';
import type { Protocol } from '../../ui/form/ProtocolPicker.tsx';
import { type FieldProblems, hasProblems, readHost, readWhole } from '../../ui/form/validate.ts';
import { isIPv6 } from '../../ui/format.ts';

export interface ClientValues {
  protocol: Protocol;
  host: string;
  port: string;
  recvSize: string;
  timeoutMs: string;
}

/** The seed echo-client.py: connect to 127.0.0.1:65432 and read with recv(1024). */
export const CLIENT_DEFAULTS: ClientValues = {
  protocol: 'tcp',
  host: '127.0.0.1',
  port: '65432',
  recvSize: '1024',
  timeoutMs: '5000',
};

export const CLIENT_HOST_SUGGESTIONS = ['127.0.0.1', '::1', 'localhost'];

export function buildClientCommand(values: ClientValues): { command: CommandBody | null; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const host = readHost(problems, values.host);
  const port = readWhole(problems, 'port', values.port, 1, 65535);
  const recvSize = readWhole(problems, 'recvSize', values.recvSize, MIN_RECV_SIZE, MAX_RECV_SIZE);
  const timeoutMs = values.protocol === 'tcp' ? readWhole(problems, 'timeoutMs', values.timeoutMs, 100, 60_000) : 0;
  if (hasProblems(problems)) return { command: null, problems };
  if (values.protocol === 'tcp') return { command: { type: 'tcp.connect', host, port, recvSize, timeoutMs }, problems };
  // A UDP "client" is an endpoint on any free port whose sends go to the server by default.
  const local = isIPv6(host) ? '::1' : '127.0.0.1';
  return {
    command: { type: 'udp.bind', host: local, port: 0, recvSize, behaviour: 'none', remote: { host, port } },
    problems,
  };
}

/** How long to wait for a connect reply: the connect timeout itself, plus time for the bridge to answer. */
export function replyTimeout(command: CommandBody): number | undefined {
  return command.type === 'tcp.connect' ? (command.timeoutMs ?? 5000) + 5000 : undefined;
}
