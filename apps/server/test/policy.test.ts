import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/config/config.ts';
import { parseAllowTargets } from '../src/policy/allow-targets.ts';
import { ListenerRegistry } from '../src/policy/listener-registry.ts';
import { resolveOnce } from '../src/policy/resolve.ts';
import { TargetPolicy, type TargetPolicyOptions } from '../src/policy/target-policy.ts';
import { usePlaygrounds } from '../testing/playground.ts';

const BRIDGE_PORT = 4780;
const LOCAL = new Set(['127.0.0.1', '::1', '192.168.1.20', 'fd12::20']);

async function policy(options: Partial<TargetPolicyOptions> & { allow?: string[] } = {}): Promise<TargetPolicy> {
  const { allow = [], ...rest } = options;
  return new TargetPolicy({
    mode: 'local',
    limits: DEFAULT_LIMITS,
    bridgePort: () => BRIDGE_PORT,
    allowRules: await parseAllowTargets(allow, async (name) => (name === 'printer.lab' ? ['10.9.0.5'] : [])),
    listeners: new ListenerRegistry(),
    localAddresses: () => LOCAL,
    resolve: async () => {
      throw new Error('no names in this test');
    },
    ...rest,
  });
}

async function verdict(p: TargetPolicy, host: string, port: number, transport: 'tcp' | 'udp' = 'tcp') {
  return p.checkTarget(host, port, transport).then(
    (t) => t.address,
    (e: { code: string }) => e.code,
  );
}

describe('where sockets may go: local mode', () => {
  it('allows loopback on allowed ports only, never the bridge’s own port, never 0.0.0.0 or ::', async () => {
    const p = await policy();
    expect(await verdict(p, '127.0.0.1', 5000)).toBe('127.0.0.1');
    expect(await verdict(p, '127.8.9.10', 5000)).toBe('127.8.9.10');
    expect(await verdict(p, '::1', 5000)).toBe('::1');
    expect(await verdict(p, '::ffff:127.0.0.1', 5000)).toBe('127.0.0.1');
    for (const [host, port] of [
      ['127.0.0.1', 1023],
      ['127.0.0.1', BRIDGE_PORT],
      ['192.168.1.20', 5000],
      ['10.0.0.1', 5000],
      ['0.0.0.0', 5000],
      ['::', 5000],
      ['::0.0.0.0', 5000],
      ['0.1.2.3', 5000],
    ] as const) {
      expect(await verdict(p, host, port), `${host}:${port}`).toBe('not_allowed');
    }
  });

  it('refuses link-local and metadata addresses even under a broad --allow-target, unless named explicitly', async () => {
    const broad = await policy({ allow: ['0.0.0.0/0', '::/0'] });
    expect(await verdict(broad, '10.1.2.3', 5000)).toBe('10.1.2.3');
    for (const host of ['169.254.169.254', '::ffff:169.254.169.254', 'fe80::1', 'fd00:ec2::254', '100.100.100.200']) {
      expect(await verdict(broad, host, 80), host).toBe('not_allowed');
      expect(await verdict(broad, host, 5000), host).toBe('not_allowed');
    }
    const named = await policy({ allow: ['169.254.169.254:80', '[fe80::/10]:8080'] });
    expect(await verdict(named, '169.254.169.254', 80)).toBe('169.254.169.254');
    expect(await verdict(named, '169.254.169.254', 81)).toBe('not_allowed');
    expect(await verdict(named, 'fe80::1234', 8080)).toBe('fe80::1234');
    expect(await verdict(named, 'fe80::1234', 8081)).toBe('not_allowed');
  });

  it('refuses every spelling of an IPv4-mapped special address, hex, dotted or expanded, under a broad --allow-target', async () => {
    const spellings = [
      '::ffff:169.254.169.254',
      '::ffff:a9fe:a9fe',
      '::FFFF:A9FE:A9FE',
      '0:0:0:0:0:ffff:a9fe:a9fe',
      '0000:0000:0000:0000:0000:ffff:a9fe:a9fe',
      '0:0:0:0:0:FFFF:169.254.169.254',
      '::ffff:6464:64c8',
      '::ffff:a83f:8110',
      '64:ff9b::a9fe:a9fe',
      'fe80::1%lo',
    ];
    for (const allow of [['::/0'], ['::ffff:0:0/96'], ['0.0.0.0/0', '::/0']]) {
      const broad = await policy({ allow });
      for (const host of spellings)
        expect(await verdict(broad, host, 5000), `${host} with ${allow}`).toBe('not_allowed');
    }
    // The same spellings of an ordinary address are that address, and reach what the rule allows.
    const mappedRange = await policy({ allow: ['::ffff:0:0/96'] });
    expect(await verdict(mappedRange, '::ffff:a00:5', 5000)).toBe('10.0.0.5');
    expect(await verdict(mappedRange, '0:0:0:0:0:ffff:10.0.0.5', 5000)).toBe('10.0.0.5');
    // In local mode a hex-mapped loopback is loopback, and a hex-mapped 0.0.0.0 is still "any address".
    const local = await policy();
    expect(await verdict(local, '::ffff:7f00:1', 5000)).toBe('127.0.0.1');
    expect(await verdict(local, '::ffff:0:0', 5000)).toBe('not_allowed');
    expect(await verdict(local, '::ffff:a9fe:a9fe', 5000)).toBe('not_allowed');
  });

  it('parses HOST, HOST:PORT, CIDR, CIDR:PORT and bracketed IPv6, resolving names once at start', async () => {
    const p = await policy({
      allow: ['10.0.0.5', '10.1.0.0/16:7000', '[fd00::/8]:9000', 'fd01::7', 'printer.lab:9100'],
    });
    expect(await verdict(p, '10.0.0.5', 5000)).toBe('10.0.0.5');
    expect(await verdict(p, '10.0.0.5', 80)).toBe('not_allowed');
    expect(await verdict(p, '10.1.200.3', 7000)).toBe('10.1.200.3');
    expect(await verdict(p, '10.1.200.3', 7001)).toBe('not_allowed');
    expect(await verdict(p, 'fd00::abc', 9000)).toBe('fd00::abc');
    expect(await verdict(p, 'fd01::7', 6000)).toBe('fd01::7');
    // An explicit port is the operator's choice, even below 1024; the bridge's own port never is.
    expect(await verdict(p, '10.9.0.5', 9100)).toBe('10.9.0.5');
    const ssh = await policy({ allow: ['10.0.0.9:22', `127.0.0.1:${BRIDGE_PORT}`] });
    expect(await verdict(ssh, '10.0.0.9', 22)).toBe('10.0.0.9');
    expect(await verdict(ssh, '127.0.0.1', BRIDGE_PORT)).toBe('not_allowed');
    const mapped = await policy({ allow: ['::ffff:10.2.0.0/112', '::ffff:10.3.0.7'] });
    expect(await verdict(mapped, '10.3.0.7', 5000)).toBe('10.3.0.7');
    expect(await verdict(mapped, '::ffff:10.3.0.7', 5000)).toBe('10.3.0.7');
    expect(await verdict(mapped, '10.2.255.1', 5000)).toBe('10.2.255.1');
    expect(await verdict(mapped, '10.4.0.1', 5000)).toBe('not_allowed');
    for (const bad of [
      '10.0.0.0/33',
      '10.0.0.1:0',
      '10.0.0.1:70000',
      'nowhere.lab',
      'a b',
      '[10.0.0.1',
      'fd00::/129',
    ]) {
      await expect(
        parseAllowTargets([bad], async () => []),
        bad,
      ).rejects.toThrow(/^--allow-target /);
    }
  });

  it('resolves a name once and returns the address it checked, so DNS cannot swap it afterwards', async () => {
    const answers = ['127.0.0.1', '10.0.0.66'];
    let lookups = 0;
    const p = await policy({ resolve: async () => answers[lookups++] as string });
    expect(await p.checkTarget('rebind.example', 5000, 'tcp')).toEqual({ address: '127.0.0.1', port: 5000 });
    expect(lookups).toBe(1);
    expect(await verdict(p, 'rebind.example', 5000)).toBe('not_allowed');
    expect(lookups).toBe(2);
  });

  it('never sends text that is not a host name to the resolver', async () => {
    for (const host of ['a b', 'evil.example/', '-x.example', 'x..example', 'ünï.example', 'a'.repeat(254)]) {
      await expect(resolveOnce(host), host).rejects.toMatchObject({ code: 'bad_command' });
    }
  });
});

describe('where sockets may go: LAN mode', () => {
  it('matches listeners by transport and by the exact address they are bound to', async () => {
    const listeners = new ListenerRegistry();
    const p = await policy({ mode: 'lan', listeners });
    listeners.add('a/s1', { transport: 'tcp', address: '127.0.0.1', port: 5001 });
    listeners.add('a/s2', { transport: 'tcp', address: '0.0.0.0', port: 5002 });
    listeners.add('b/s1', { transport: 'udp', address: '::', port: 5003 });
    listeners.add('b/s2', { transport: 'tcp', address: '::1', port: 5004 });
    expect(await verdict(p, '127.0.0.1', 5001)).toBe('127.0.0.1');
    expect(await verdict(p, '127.0.0.2', 5001)).toBe('not_allowed');
    expect(await verdict(p, '192.168.1.20', 5002)).toBe('192.168.1.20');
    expect(await verdict(p, 'fd12::20', 5002)).toBe('not_allowed');
    expect(await verdict(p, '192.168.1.20', 5003, 'udp')).toBe('192.168.1.20');
    expect(await verdict(p, 'fd12::20', 5003, 'udp')).toBe('fd12::20');
    expect(await verdict(p, '192.168.1.20', 5003, 'tcp')).toBe('not_allowed');
    expect(await verdict(p, '::1', 5004)).toBe('::1');
    expect(await verdict(p, '127.0.0.1', 5004)).toBe('not_allowed');
    expect(await verdict(p, '192.168.1.99', 5002)).toBe('not_allowed');
    listeners.removeAll('a/');
    expect(await verdict(p, '127.0.0.1', 5001)).toBe('not_allowed');
    expect(listeners.size).toBe(2);
  });
});

describe('names through a real bridge', () => {
  const pg = usePlaygrounds();

  it('connects to the address it resolved and checked, not to the name', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '::', port: 0 })).socket!;
    const client = (await c.ok({ type: 'tcp.connect', host: 'localhost', port: server.local!.port })).socket!;
    const opened = c.events.find((e) => e.type === 'opened' && e.socketId === client.id);
    if (opened?.type !== 'opened') throw new Error('no opened event');
    expect(['127.0.0.1', '::1']).toContain(opened.socket.remote?.address);
  });

  it('listens on localhost, as the seeds do, at the address the name resolves to first; other names are refused', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: 'localhost', port: 0 })).socket!;
    expect(['127.0.0.1', '::1']).toContain(server.local?.address);
    const refused = await c.request({ type: 'tcp.listen', host: 'example.com', port: 0 });
    expect(refused.ok ? undefined : refused.error).toMatchObject({
      code: 'not_allowed',
      message: expect.stringMatching(/localhost/),
    });
  });
});
