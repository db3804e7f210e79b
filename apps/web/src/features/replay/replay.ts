import {
  type Counters,
  SESSION_LOG_FORMAT,
  SESSION_LOG_VERSION,
  SessionLog,
  type SocketEvent,
} from '@playground/protocol';
import { applyBatch } from '../../store/applyBatch.ts';
import { initialData, type PlaygroundData } from '../../store/state.ts';
import { emptyWireView, type WireViewData } from '../../store/wireView.ts';

/** The replay rebuilds the state from the nearest checkpoint: scrubbing costs at most this many events. */
const CHECKPOINT_EVERY = 500;

export type ParsedLog =
  | { ok: true; log: SessionLog }
  | { ok: false; problem: 'notJson' | 'notLog' | 'newer' | 'invalid'; detail?: string };

/** Reads an exported file: only a log of this format and a version this viewer knows. */
export function parseLog(text: string): ParsedLog {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  const head = json as { format?: unknown; version?: unknown };
  if (typeof json !== 'object' || json === null || head.format !== SESSION_LOG_FORMAT)
    return { ok: false, problem: 'notLog' };
  if (typeof head.version === 'number' && head.version > SESSION_LOG_VERSION) return { ok: false, problem: 'newer' };
  const parsed = SessionLog.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: 'invalid', detail: `${issue?.path.join('.')}: ${issue?.message}` };
  }
  return { ok: true, log: parsed.data };
}

/** A page that was connected, for the viewer: cards and log read the store as they always do. */
function replayStart(log: SessionLog): PlaygroundData {
  const data = initialData();
  return {
    ...data,
    epoch: 1,
    connection: { ...data.connection, status: 'connected', sessionId: log.session?.sessionId ?? null },
  };
}

function addCounts(counters: Map<string, Counters>, event: SocketEvent): void {
  if (!('data' in event)) return;
  const c = counters.get(event.socketId) ?? { bytesIn: 0, bytesOut: 0, reads: 0, writes: 0 };
  // As the bridge counts: what the bridge folded is not in the file, so these count what the file has.
  if (event.type === 'recv' || event.type === 'datagram-in') {
    counters.set(event.socketId, { ...c, bytesIn: c.bytesIn + event.size, reads: c.reads + 1 });
  } else {
    counters.set(event.socketId, { ...c, bytesOut: c.bytesOut + event.size, writes: c.writes + 1 });
  }
}

interface Checkpoint {
  at: number;
  state: PlaygroundData;
  counters: Map<string, Counters>;
}

/**
 * The page's state after the first `n` events of a log, as it looked live: built by applying the
 * events with the store's own `applyBatch`, from checkpoints so that scrubbing stays quick.
 */
export class Replay {
  private readonly checkpoints: Checkpoint[];

  constructor(readonly log: SessionLog) {
    this.checkpoints = [{ at: 0, state: replayStart(log), counters: new Map() }];
  }

  get length(): number {
    return this.log.events.length;
  }

  stateAt(n: number): PlaygroundData {
    const target = Math.max(0, Math.min(n, this.length));
    let cp = this.checkpoints[0] as Checkpoint;
    for (const c of this.checkpoints) if (c.at <= target) cp = c;
    // Extend the checkpoints up to the target, so moving forward never replays from the start.
    while (cp.at + CHECKPOINT_EVERY <= target) {
      const next = this.advance(cp, cp.at + CHECKPOINT_EVERY);
      if (!this.checkpoints.some((c) => c.at === next.at)) this.checkpoints.push(next);
      cp = next;
    }
    const state = this.advance(cp, target).state;
    return this.log.wire ? { ...state, wire: this.wireAt(target) } : state;
  }

  /** The captured segments up to event `n`'s time (all of them at the end), as the live view had them. */
  private wireAt(n: number): WireViewData {
    const wire = this.log.wire;
    if (!wire) return emptyWireView();
    const until = n >= this.length ? Number.POSITIVE_INFINITY : this.timeAt(n);
    const { linkType, snaplen } = wire;
    return {
      ...emptyWireView(),
      status: {
        type: 'wire-status',
        state: 'off',
        platform: '',
        segmentsPerSecond: 1,
        capture: { tool: '', interface: '', filter: '', linkType, snaplen },
      },
      statusEpoch: 1,
      entries: wire.segments.filter((s) => s.t <= until).map((segment) => ({ epoch: 1, segment })),
      notShown: wire.notShown,
    };
  }

  /** Milliseconds of the session at event `n` (the `t` of the last event applied). */
  timeAt(n: number): number {
    return n <= 0 ? 0 : (this.log.events[Math.min(n, this.length) - 1]?.t ?? 0);
  }

  private advance(from: Checkpoint, to: number): Checkpoint {
    if (to <= from.at) return from;
    const events = this.log.events.slice(from.at, to);
    const counters = new Map(from.counters);
    const touched = new Set<string>();
    for (const event of events) {
      addCounts(counters, event);
      if ('data' in event) touched.add(event.socketId);
    }
    const batchCounters: Record<string, Counters> = {};
    for (const id of touched) batchCounters[id] = counters.get(id) as Counters;
    const state = applyBatch(from.state, { type: 'events', events, folded: 0, counters: batchCounters });
    return { at: to, state, counters };
  }
}
