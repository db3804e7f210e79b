import { once } from 'node:events';
import net from 'node:net';
import { Worker } from 'node:worker_threads';
import { sleep } from './time.ts';

/**
 * A loopback port where connects hang, as with a host that does not answer: a listener whose
 * thread is blocked never accept()s, so once its queue (backlog 1) is full, Linux drops further SYNs.
 */
export async function blackhole(): Promise<{ port: number; release(): Promise<void> }> {
  const gate = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const server = require('node:net').createServer();
     server.listen({ host: '127.0.0.1', port: 0, backlog: 1 }, () => {
       parentPort.postMessage(server.address().port);
       Atomics.wait(workerData, 0, 0, 10000);
       server.close();
     });`,
    { eval: true, workerData: gate },
  );
  const [port] = (await once(worker, 'message')) as [number];
  const fillers: net.Socket[] = [];
  for (let i = 0; i < 8; i++) {
    const filler = net.connect({ host: '127.0.0.1', port });
    filler.on('error', () => {});
    fillers.push(filler);
    const connected = await Promise.race([once(filler, 'connect').then(() => true), sleep(300).then(() => false)]);
    if (!connected) break;
  }
  return {
    port,
    async release() {
      for (const filler of fillers) filler.destroy();
      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
      await Promise.race([once(worker, 'exit'), sleep(3000).then(() => worker.terminate())]);
    },
  };
}
