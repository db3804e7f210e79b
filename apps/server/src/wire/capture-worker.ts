/**
 * The capture worker thread: the capture tool's process, its pcap stream, and every watching
 * session's claims and numbering run here, so a flood's tens of thousands of packets a second
 * cost the bridge's own thread (its sockets, its pages) nothing but the segments it shows.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ClockPair, recentClockPair } from './capture-clock.ts';
import { CaptureHub } from './capture-hub.ts';
import type { FromCaptureWorker, ToCaptureWorker } from './capture-messages.ts';
import type { CaptureToolConfig } from './capture-tool.ts';
import { SessionCapture } from './session-capture.ts';

const port = parentPort;
if (!port) throw new Error('capture-worker.ts runs as a worker thread');
const post = (message: FromCaptureWorker) => port.postMessage(message);

/** The sessions' clock (the bridge thread's performance.now()), from this thread's. */
let sessionsClock: ClockPair = recentClockPair();
let offset = 0;
const now = () => performance.now() + offset;
function pair(main: ClockPair): void {
  sessionsClock = main;
  const own = recentClockPair();
  offset = main.perfMs + (own.wallUs - main.wallUs) / 1000 - own.perfMs;
}

const hub = new CaptureHub(workerData as CaptureToolConfig, () => sessionsClock);
const sessions = new Map<string, SessionCapture>();

port.on('message', (message: ToCaptureWorker) => void handle(message));

async function handle(m: ToCaptureWorker): Promise<void> {
  switch (m.op) {
    case 'watch': {
      pair(m.clock);
      let session = sessions.get(m.session);
      if (!session) {
        const id = m.session;
        session = new SessionCapture({
          hub,
          localMode: m.localMode,
          now,
          origin: m.origin,
          limits: m.limits,
          sendBatch: (batch) => post({ op: 'batch', session: id, batch }),
          sendStatus: (status) => post({ op: 'status', session: id, status }),
        });
        sessions.set(id, session);
      }
      await session.watch(m.since, m.sockets);
      post({ op: 'reply', id: m.id });
      return;
    }
    case 'unwatch': {
      // Forgotten when it stops watching: the next watch starts from the sockets as they are then.
      sessions.get(m.session)?.close();
      sessions.delete(m.session);
      return;
    }
    case 'observe':
      sessions.get(m.session)?.observe(m.event);
      return;
    case 'prepare':
      await sessions.get(m.session)?.prepare(m.transport, m.port);
      post({ op: 'reply', id: m.id });
      return;
    case 'settle':
      await sessions.get(m.session)?.settle();
      post({ op: 'reply', id: m.id });
      return;
    case 'shutdown':
      for (const session of sessions.values()) session.close();
      sessions.clear();
      await hub.close();
      post({ op: 'reply', id: m.id });
      return;
  }
}
