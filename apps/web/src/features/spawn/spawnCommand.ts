import { MAX_SPAWN_CLIENTS, MAX_SPAWN_MESSAGES } from '@playground/protocol';
import type { CommandBody } from '../../bridge/client.ts';
import { type FieldProblems, hasProblems, readHost, readWhole } from '../../ui/form/validate.ts';

export const MAX_INTERVAL_MS = 10_000;

export interface SpawnValues {
  host: string;
  port: string;
  count: string;
  messages: string;
  intervalMs: string;
  message: string;
  end: boolean;
}

export const SPAWN_DEFAULTS: SpawnValues = {
  host: '127.0.0.1',
  port: '65432',
  count: '20',
  messages: '3',
  intervalMs: '100',
  message: 'hola',
  end: true,
};

export function buildSpawnCommand(values: SpawnValues): { command: CommandBody | null; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const port = readWhole(problems, 'port', values.port, 1, 65535);
  const count = readWhole(problems, 'count', values.count, 1, MAX_SPAWN_CLIENTS);
  const messages = readWhole(problems, 'messages', values.messages, 0, MAX_SPAWN_MESSAGES);
  const intervalMs = readWhole(problems, 'intervalMs', values.intervalMs, 0, MAX_INTERVAL_MS);
  const host = readHost(problems, values.host);
  if (hasProblems(problems)) return { command: null, problems };
  return {
    command: {
      type: 'tcp.spawn',
      host,
      port,
      count,
      messages,
      intervalMs,
      end: values.end,
      data: { encoding: 'text', value: values.message },
    },
    problems,
  };
}
