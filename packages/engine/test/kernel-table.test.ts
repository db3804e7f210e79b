import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseProcNetTcp } from '../src/kernel/proc-net-tcp.ts';
import { readKernelTcpTable } from '../src/kernel/tcp-table.ts';

const SAMPLE_V4 = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:FF98 00000000:0000 0A 00000000:00000001 00:00000000 00000000     0        0 4242 1 0000000000000000 100 0 0 10 0
   1: 0100007F:D431 0100007F:FF98 08 00000000:00000010 00:00000000 00000000     0        0 4243 1 0000000000000000 20 4 30 10 -1`;
const SAMPLE_V6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5151 1 0000000000000000 100 0 0 10 0
   1: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:C000 01 00000005:00000000 00:00000000 00000000     0        0 5152 1 0000000000000000 20 4 30 10 -1`;

describe('parsing the kernel table', () => {
  it('reads IPv4 rows: addresses, ports, states and queues', () => {
    const rows = parseProcNetTcp(SAMPLE_V4, 'IPv4');
    expect(rows[0]).toMatchObject({
      local: { address: '127.0.0.1', port: 65432 },
      state: 'LISTEN',
      recvQueue: 1,
      inode: 4242,
    });
    expect(rows[1]).toMatchObject({
      remote: { address: '127.0.0.1', port: 65432 },
      state: 'CLOSE_WAIT',
      recvQueue: 16,
    });
  });

  it('reads IPv6 rows, printing ::1 and IPv4-mapped addresses the usual way', () => {
    const rows = parseProcNetTcp(SAMPLE_V6, 'IPv6');
    expect(rows[0]).toMatchObject({ local: { address: '::1', port: 8080 }, state: 'LISTEN' });
    expect(rows[1]).toMatchObject({ local: { address: '::ffff:127.0.0.1' }, state: 'ESTABLISHED', sendQueue: 5 });
  });

  it('skips lines it cannot read instead of guessing', () => {
    expect(parseProcNetTcp('header\n garbage line\n', 'IPv4')).toEqual([]);
  });
});

const isLinux = process.platform === 'linux';
if (!isLinux) console.warn(`Skipping the live kernel-table tests: ${process.platform} has no /proc/net/tcp.`);

describe.skipIf(!isLinux)('the live kernel table on real loopback sockets', () => {
  let server: Server | undefined;
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.destroy();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server = undefined;
  });

  async function statesOf(localPort: number, remotePort: number) {
    const table = await readKernelTcpTable();
    if (!table.available) throw new Error(table.reason);
    return table.sockets.filter((s) => s.local.port === localPort && s.remote.port === remotePort).map((s) => s.state);
  }

  /** Polls a few times a second, as the view does, and records every state it sees. */
  async function watch(localPort: number, remotePort: number, until: (s: string[]) => boolean, seen: Set<string>) {
    const deadline = Date.now() + 5000;
    for (let i = 0; i < 500 && Date.now() < deadline; i++) {
      const states = await statesOf(localPort, remotePort);
      for (const s of states) seen.add(s);
      if (until(states)) return states;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`states seen: ${[...seen].join(', ')}`);
  }

  it('shows the client that closes first in TIME_WAIT and the server passing through CLOSE_WAIT', async () => {
    let accepted: Socket | undefined;
    server = createServer({ allowHalfOpen: true }, (s) => {
      accepted = s;
      sockets.push(s);
    });
    await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
    const serverPort = (server.address() as { port: number }).port;
    const client = createConnection({ port: serverPort, host: '127.0.0.1', allowHalfOpen: true });
    sockets.push(client);
    await new Promise<void>((r) => client.once('connect', r));
    const clientPort = client.localPort as number;

    const serverSide = new Set<string>();
    const clientSide = new Set<string>();
    await watch(serverPort, clientPort, (s) => s.includes('ESTABLISHED'), serverSide);
    const listen = await readKernelTcpTable();
    expect(listen.available && listen.sockets.some((s) => s.local.port === serverPort && s.state === 'LISTEN')).toBe(
      true,
    );

    client.end();
    await watch(serverPort, clientPort, (s) => s.includes('CLOSE_WAIT'), serverSide);
    await watch(clientPort, serverPort, (s) => s.includes('FIN_WAIT2'), clientSide);

    accepted?.end();
    await watch(clientPort, serverPort, (s) => s.includes('TIME_WAIT'), clientSide);
    expect([...serverSide]).toContain('CLOSE_WAIT');
    expect([...clientSide]).toEqual(expect.arrayContaining(['FIN_WAIT2', 'TIME_WAIT']));
  });
});
