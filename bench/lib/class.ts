import { sleep } from '@playground/testkit';
import { BridgeConsumer } from './consumer.ts';

/** Joins a class as a student's page does: the code and a name for a token of the student's own. */
export async function joinClass(port: number, code: string, name: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, name }),
  });
  if (!res.ok) throw new Error(`join answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Wall-clock ms with sub-ms precision; Chromium's `performance.timeOrigin + now()` is on the same clock. */
export const wallNow = (): number => performance.timeOrigin + performance.now();

export interface ClassStudent {
  name: string;
  consumer: BridgeConsumer;
  /** The TCP clients, oldest first; the first is the one the roster probe watches. */
  clients: string[];
  /** When each change of the first client's bytesOut reached this student's page: [bytesOut, wall ms]. */
  probe: Array<[number, number]>;
}

/**
 * A student with an echo server of their own and `connections` clients of it: 2 × connections + 1
 * sockets, as a learner following the "many clients" lesson has.
 */
export async function classStudent(
  port: number,
  code: string,
  name: string,
  connections: number,
): Promise<ClassStudent> {
  const token = await joinClass(port, code, name);
  const consumer = await BridgeConsumer.connect(port, { token });
  const { socket } = await consumer.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize: 1024 });
  const clients: string[] = [];
  for (let c = 0; c < connections; c++) {
    const r = await consumer.ok({ type: 'tcp.connect', host: '127.0.0.1', port: socket?.local?.port ?? 0 });
    clients.push(r.socket?.id ?? '');
  }
  const student: ClassStudent = { name, consumer, clients, probe: [] };
  let last = 0;
  consumer.onBatch = (batch) => {
    const out = batch.counters[clients[0] as string]?.bytesOut;
    if (out !== undefined && out !== last) {
      last = out;
      student.probe.push([out, wallNow()]);
    }
  };
  return student;
}

export interface TrafficResult {
  sends: number;
  errors: string[];
}

/**
 * Every connection of every student sends `message` every `everyMs`, spread evenly (round-robin
 * over the students) and paced by the clock: a late tick sends what fell due meanwhile, so a busy
 * runner does not quietly lower the load. Until `stop` resolves.
 */
export async function steadyTraffic(
  students: ClassStudent[],
  message: string,
  everyMs: number,
  stop: Promise<unknown>,
): Promise<TrafficResult> {
  const all = students.flatMap((s) => s.clients.map((id, nth) => ({ consumer: s.consumer, id, nth })));
  all.sort((a, b) => a.nth - b.nth);
  const result: TrafficResult = { sends: 0, errors: [] };
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  const t0 = performance.now();
  for (let next = 0; !stopped; ) {
    const due = Math.floor(((performance.now() - t0) / everyMs) * all.length) - result.sends;
    for (let k = 0; k < due; k++, next = (next + 1) % all.length) {
      const conn = all[next] as (typeof all)[number];
      result.sends++;
      conn.consumer.fire(
        { type: 'socket.send', socketId: conn.id, data: { encoding: 'text', value: message } },
        (r) => {
          if (!r.ok) result.errors.push(`socket.send: ${r.error.code} ${r.error.message}`);
        },
      );
    }
    await sleep(10);
  }
  return result;
}
