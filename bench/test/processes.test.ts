import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { listeningProcess, processTree, rssOf } from '../lib/processes.ts';

describe.skipIf(process.platform !== 'linux')('the start-up benchmark’s view of a process tree', () => {
  it('finds the process listening on a port among a tree, and its memory', async () => {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { stdio: 'ignore' });
    try {
      const tree = processTree(process.pid);
      expect(tree[0]).toBe(process.pid);
      expect(tree).toContain(child.pid);
      const port = (server.address() as { port: number }).port;
      expect(listeningProcess(port, [child.pid as number, process.pid])).toBe(process.pid);
      expect(listeningProcess(port, [child.pid as number])).toBeUndefined();
      expect(rssOf(process.pid)).toBeGreaterThan(10e6);
      expect(rssOf(2 ** 22 + 1)).toBe(0);
    } finally {
      child.kill();
      server.close();
    }
  });
});
