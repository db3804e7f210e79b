import { readFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAddress, parseSsTcpInfo } from '../src/kernel/ss-tcp-info.ts';
import { readTcpInfo } from '../src/kernel/tcp-info-reader.ts';

const recorded = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('ss -tin, as recorded on Linux 6 with iproute2 6.1', () => {
  it('reads a sender blocked by a reader that does not read (bbr)', () => {
    const rows = parseSsTcpInfo(recorded('ss-tin-loopback.txt'));
    expect(rows.map((r) => [r.state, r.local.port, r.remote.port])).toEqual([
      ['LISTEN', 47011, 0],
      ['ESTABLISHED', 33568, 47011],
      ['ESTABLISHED', 47011, 33568],
      ['LISTEN', 47012, 0],
      ['FIN_WAIT2', 36184, 47012],
      ['CLOSE_WAIT', 47012, 36184],
    ]);
    const sender = rows[1];
    expect(sender).toMatchObject({ recvQueue: 0, sendQueue: 3833856, local: { address: '127.0.0.1' } });
    expect(sender?.tcp).toEqual({
      congestion: 'bbr',
      wscale: { send: 10, receive: 10 },
      rtoMs: 208,
      rttMs: 5.111,
      rttVarMs: 10.182,
      mss: 32768,
      cwnd: 14,
      bytesSent: 98359,
      bytesAcked: 98360,
      segsOut: 6,
      segsIn: 5,
      dataSegsOut: 4,
      deliveryRateBps: 24966095232,
      receiveWindowLimitedMs: 120,
      receiveSpace: 65495,
      notSent: 3833856,
      minRttMs: 0.008,
      sendWindow: 29696,
    });
    expect(rows[2]?.tcp).toMatchObject({ bytesReceived: 98359, dataSegsIn: 4, sendWindow: 65536 });
    expect(rows[4]?.local).toEqual({ address: '::1', port: 36184 });
    expect(rows[0]?.tcp).toEqual({ congestion: 'bbr', cwnd: 10 });
  });

  it('reads retransmitted SYNs of clients a full backlog ignores (cubic)', () => {
    const rows = parseSsTcpInfo(recorded('ss-tin-backlog.txt'));
    const waiting = rows.filter((r) => r.state === 'SYN_SENT');
    expect(waiting).toHaveLength(3);
    expect(waiting[0]?.tcp).toMatchObject({
      congestion: 'cubic',
      rtoMs: 1000,
      cwnd: 1,
      ssthresh: 7,
      unacked: 1,
      retrans: 1,
      retransTotal: 1,
      lost: 1,
    });
    expect(waiting[0]?.tcp.rttMs).toBeUndefined();
  });

  it('reads the output with a header and without the State column (`state established`)', () => {
    const rows = parseSsTcpInfo(recorded('ss-tin-header.txt'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ state: undefined, local: { port: 60492 }, remote: { port: 47014 } });
    expect(rows[0]?.tcp).toMatchObject({ bytesSent: 20000, bytesAcked: 20001, dataSegsOut: 20, sendWindow: 70656 });
  });

  it('reads human rates and the one-line form', () => {
    const line =
      'ESTAB 0 0 127.0.0.1:1 127.0.0.1:2 cubic rtt:0.5/0.25 delivery_rate 25Gbps rcv_wnd:65536 retrans:0/3 snd_wnd:512';
    expect(parseSsTcpInfo(line)[0]?.tcp).toEqual({
      congestion: 'cubic',
      rttMs: 0.5,
      rttVarMs: 0.25,
      deliveryRateBps: 25e9,
      receiveWindow: 65536,
      retrans: 0,
      retransTotal: 3,
      sendWindow: 512,
    });
  });

  it('reads every address form ss prints', () => {
    expect(parseAddress('[::ffff:127.0.0.1]:80')).toEqual({ address: '::ffff:127.0.0.1', port: 80 });
    expect(parseAddress('*:*')).toEqual({ address: '0.0.0.0', port: 0 });
    expect(parseAddress('[::]:*')).toEqual({ address: '::', port: 0 });
    expect(parseAddress('127.0.0.1%lo:8080')).toEqual({ address: '127.0.0.1', port: 8080 });
    expect(parseAddress('[fe80::1]%lo:22')).toEqual({ address: 'fe80::1', port: 22 });
    expect(parseAddress('nonsense')).toBeUndefined();
  });
});

describe('readTcpInfo on this machine', () => {
  let server: Server | undefined;
  const sockets: Socket[] = [];
  afterEach(() => {
    for (const s of sockets) s.destroy();
    server?.close();
  });

  it.skipIf(process.platform !== 'linux')('reports the internals of a live loopback connection', async () => {
    server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const client = createConnection(port, '127.0.0.1');
    sockets.push(client);
    await new Promise((r) => client.once('connect', r));
    await new Promise<void>((r) => client.write('hola', () => r()));
    const result = await readTcpInfo([port]);
    if (!result.available) {
      console.warn(`skipped: ${result.reason}`);
      return;
    }
    const mine = result.sockets.find((s) => s.local.port === client.localPort && s.remote.port === port);
    expect(mine?.state).toBe('ESTABLISHED');
    expect(mine?.tcp.bytesSent).toBe(4);
    expect(mine?.tcp.mss).toBeGreaterThan(0);
  });

  it('says why when ss cannot be found', async () => {
    const result = await readTcpInfo([1], '/nonexistent/ss');
    expect(result).toMatchObject({ available: false });
    if (process.platform === 'linux' && !result.available) expect(result.reason).toMatch(/iproute2/);
  });
});
