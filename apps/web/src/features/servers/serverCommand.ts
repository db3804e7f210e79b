import { type FramingConfig, seed002PaddedLength } from '@playground/codec';
import { Behaviour, Concurrency, MAX_RECV_SIZE, MIN_RECV_SIZE } from '@playground/protocol';
import type { CommandBody } from '../../bridge/client.ts';
import type { Protocol } from '../../ui/form/ProtocolPicker.tsx';
import { type FieldProblems, hasProblems, readWhole } from '../../ui/form/validate.ts';

export const SERVER_HOSTS = [
  { value: '127.0.0.1', label: 'loopback4' },
  { value: '0.0.0.0', label: 'any4' },
  { value: '::1', label: 'loopback6' },
  { value: '::', label: 'any6' },
] as const;

/** Every behaviour but `sensor`, which the sensor view sets up with its record format. */
export const SERVER_BEHAVIOURS = Behaviour.options.filter((b): b is Exclude<Behaviour, 'sensor'> => b !== 'sensor');

/** How a TCP server serves its clients; the form's default is the seeds' thread per client. */
export const SERVER_CONCURRENCIES = Concurrency.options;

export interface ServerValues {
  protocol: Protocol;
  host: string;
  port: string;
  recvSize: string;
  backlog: string;
  behaviour: (typeof SERVER_BEHAVIOURS)[number];
  concurrency: Concurrency;
  /** framed-json only: how the server finds and answers messages (seed 002's length padded to 60 by default). */
  framing: FramingConfig;
  /** TCP: false starts it like the seeds' servers, without SO_REUSEADDR. */
  reuseAddress: boolean;
}

/** The port of the seeds' echo-server.py. */
export const SEED_PORT = 65432;

/** The seed echo-server.py: 127.0.0.1:65432, and recv(16) so a message visibly arrives in pieces. */
export const SERVER_DEFAULTS: ServerValues = {
  protocol: 'tcp',
  host: '127.0.0.1',
  port: String(SEED_PORT),
  recvSize: '16',
  backlog: '128',
  behaviour: 'echo',
  concurrency: 'concurrent',
  framing: seed002PaddedLength,
  reuseAddress: true,
};

export function buildServerCommand(values: ServerValues): { command: CommandBody | null; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const port = readWhole(problems, 'port', values.port, 0, 65535);
  const recvSize = readWhole(problems, 'recvSize', values.recvSize, MIN_RECV_SIZE, MAX_RECV_SIZE);
  const backlog = values.protocol === 'tcp' ? readWhole(problems, 'backlog', values.backlog, 0, 4096) : 0;
  if (hasProblems(problems)) return { command: null, problems };
  const { host, behaviour, concurrency, reuseAddress } = values;
  const framing = behaviour === 'framed-json' ? { framing: values.framing } : {};
  const command: CommandBody =
    values.protocol === 'tcp'
      ? { type: 'tcp.listen', host, port, recvSize, backlog, behaviour, concurrency, reuseAddress, ...framing }
      : { type: 'udp.bind', host, port, recvSize, behaviour, ...framing };
  return { command, problems };
}
