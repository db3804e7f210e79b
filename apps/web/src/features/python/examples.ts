// The clients the README runs with CPython are the same files the panel offers.
import seed000Client from '../../../../../docs/examples/python/seed000_echo_client.py?raw';
import seed000Server from '../../../../../docs/examples/python/seed000_server.py?raw';
import seed003Udp from '../../../../../docs/examples/python/seed003_udp_client.py?raw';
import seed004Server from '../../../../../docs/examples/python/seed004_echo_server.py?raw';
import sensorClient from '../../../../../docs/examples/python/sensor_client.py?raw';
import seed002Client from './examples/seed002_client.py?raw';
import selectorsServer from './examples/selectors_server.py?raw';

/** The seeds' programs, ready to run in the panel, with the arguments their usage line names. */
export const EXAMPLES = [
  { id: 'seed004Server', source: seed004Server, args: '65432' },
  {
    id: 'seed000Client',
    source: seed000Client,
    args: '"Hola, este es un mensaje de prueba para el servidor eco" 65432',
  },
  { id: 'seed000Server', source: seed000Server, args: '12345' },
  { id: 'seed003Udp', source: seed003Udp, args: '5005' },
  { id: 'seed003Sensor', source: sensorClient, args: '--transport udp --port 5005 --count 10' },
  { id: 'seed002Client', source: seed002Client, args: '5000' },
  { id: 'selectors', source: selectorsServer, args: '65432' },
] as const;

export type ExampleId = (typeof EXAMPLES)[number]['id'];

/** sys.argv after the program's name, as a shell splits a line: spaces apart, "quotes" together. */
export function splitArgs(line: string): string[] {
  const args: string[] = [];
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) args.push(match[1] ?? match[2] ?? match[3] ?? '');
  return args;
}
