import { type EventCheck, type LessonCheck, type SegmentCheck, SOCKET_REF } from '@playground/protocol';
import { logAt } from '../../store/appendLog.ts';
import type { LogEntry, PlaygroundData, SocketKey } from '../../store/state.ts';

/** A socket a lesson named with `"as"`: its id in its session and the store key of that session. */
export interface NamedSocket {
  id: string;
  key: SocketKey;
  port?: number;
}

/** Where a step began: checks only count what happened after it. */
export interface Baseline {
  /** Index, over all log entries ever (dropped ones included), of the first entry of the step. */
  logIndex: number;
  /** The session clock when the step began, for kernel views. */
  t: number;
}

export function baselineOf(state: PlaygroundData): Baseline {
  const total = state.log.dropped + (state.log.tail - state.log.head);
  const last = logAt(state.log, state.log.tail - state.log.head - 1);
  return { logIndex: total, t: last ? last.event.t : 0 };
}

function leaves(check: LessonCheck): LessonCheck[] {
  return check.type === 'all' || check.type === 'any' ? check.of.flatMap(leaves) : [check];
}

/**
 * Watches one step's check as events arrive. Event counts are kept incrementally (each log entry is
 * looked at once), so a long step with a busy socket costs nothing per update; states and the
 * kernel's view are read from the current store.
 */
export class StepChecker {
  private cursor: number;
  private readonly counts = new Map<EventCheck, number>();
  /** Sockets that had events during the step, for `state` checks. */
  private readonly active = new Set<SocketKey>();
  private passed = false;

  constructor(
    private readonly check: LessonCheck | undefined,
    private readonly baseline: Baseline,
    private readonly names: ReadonlyMap<string, NamedSocket>,
  ) {
    this.cursor = baseline.logIndex;
    for (const leaf of check ? leaves(check) : []) if (leaf.type === 'event') this.counts.set(leaf, 0);
  }

  /** True once the check held; it then stays true. `manual` is what the learner said. */
  update(state: PlaygroundData, manual: boolean): boolean {
    if (this.passed) return true;
    if (!this.check) {
      this.passed = manual;
      return manual;
    }
    const total = state.log.dropped + (state.log.tail - state.log.head);
    this.cursor = Math.max(this.cursor, state.log.dropped);
    for (; this.cursor < total; this.cursor++) {
      const entry = logAt(state.log, this.cursor - state.log.dropped);
      if (!entry) continue;
      this.active.add(entry.key);
      for (const [leaf, n] of this.counts) if (this.matchesEvent(state, leaf, entry)) this.counts.set(leaf, n + 1);
    }
    this.passed = this.evaluate(state, this.check, manual);
    return this.passed;
  }

  private evaluate(state: PlaygroundData, check: LessonCheck, manual: boolean): boolean {
    switch (check.type) {
      case 'all':
        return check.of.every((c) => this.evaluate(state, c, manual));
      case 'any':
        return check.of.some((c) => this.evaluate(state, c, manual));
      case 'manual':
        return manual;
      case 'event':
        return (this.counts.get(check) ?? 0) >= (check.count ?? 1);
      case 'state':
        return [...this.active].some((key) => {
          const entry = state.sockets[key];
          return entry !== undefined && entry.state === check.state && this.matchesSocket(state, check, key);
        });
      case 'kernel-state':
        return Object.values(state.kernel.timelines).some((timeline) =>
          timeline.steps.some((s) => s.state === check.state && s.t >= this.baseline.t),
        );
      case 'segment':
        return this.segments(state, check) >= (check.count ?? 1);
    }
  }

  /** Captured segments of the step (the wire view holds at most a few thousand) that match. */
  private segments(state: PlaygroundData, check: SegmentCheck): number {
    let n = 0;
    for (const { epoch, segment: s } of state.wire.entries) {
      if (epoch !== state.epoch || s.t < this.baseline.t) continue;
      if (check.transport !== undefined && s.transport !== check.transport) continue;
      if (check.flags && !check.flags.every((f) => s.tcp?.flags.includes(f))) continue;
      if (check.minLength !== undefined && s.length < check.minLength) continue;
      if (check.maxLength !== undefined && s.length > check.maxLength) continue;
      if (check.zeroWindow !== undefined && (s.tcp?.zeroWindow ?? false) !== check.zeroWindow) continue;
      if (
        check.socket !== undefined &&
        (s.from === undefined || !this.matchesSocket(state, check, `${epoch}:${s.from}`))
      )
        continue;
      n++;
    }
    return n;
  }

  private matchesEvent(state: PlaygroundData, check: EventCheck, entry: LogEntry): boolean {
    const event = entry.event;
    if (event.type !== check.event) return false;
    if (!this.matchesSocket(state, check, entry.key)) return false;
    if ('size' in event) {
      if (check.minSize !== undefined && event.size < check.minSize) return false;
      if (check.maxSize !== undefined && event.size > check.maxSize) return false;
    }
    if (check.minLost !== undefined && !(event.type === 'datagram-in' && event.lost >= check.minLost)) return false;
    return true;
  }

  /** The kind filter, and `$name`: that socket, or a connection the named server accepted. */
  private matchesSocket(state: PlaygroundData, check: { kind?: string; socket?: string }, key: SocketKey): boolean {
    const entry = state.sockets[key];
    if (check.kind !== undefined && entry?.info.kind !== check.kind) return false;
    if (check.socket === undefined) return true;
    const name = SOCKET_REF.exec(check.socket)?.[1];
    const named = name === undefined ? undefined : this.names.get(name);
    if (!named) return false;
    if (key === named.key) return true;
    const epoch = named.key.slice(0, named.key.indexOf(':'));
    return entry !== undefined && String(entry.epoch) === epoch && entry.info.parentId === named.id;
  }
}
