/**
 * What happened to a numbered sequence of messages: which arrived, in which order, how often and
 * how late. Pure, so the lanes and the summary are tested without a bridge.
 */
export type MessageFate = 'in-order' | 'late' | 'missing' | 'pending';

export interface Arrival {
  /** Message number, from 1. */
  n: number;
  /** Session clock, ms. */
  t: number;
}

export interface MessageResult {
  n: number;
  fate: MessageFate;
  /** Arrivals beyond the first. */
  copies: number;
  /** First arrival minus send time; null if it never arrived (or was never sent). */
  latencyMs: number | null;
}

export interface LaneSummary {
  sent: number;
  delivered: number;
  deliveredPct: number;
  /** Of the delivered messages, those that came after every lower-numbered one that arrived before them. */
  inOrder: number;
  inOrderPct: number;
  duplicates: number;
  missing: number;
  p50: number | null;
  p95: number | null;
  maxLatency: number | null;
}

export interface LaneResult {
  messages: MessageResult[];
  /** Message numbers in the order they arrived (copies included). */
  arrivalOrder: number[];
  summary: LaneSummary;
}

/** The p-th percentile (0–100) by nearest rank, as textbooks define it. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/**
 * `sentAt[n]` is when message n was sent (undefined: not yet), `arrivals` in arrival order.
 * `finished`: nothing more will arrive, so what did not arrive is missing rather than pending.
 */
export function analyzeLane(
  count: number,
  sentAt: ReadonlyMap<number, number>,
  arrivals: readonly Arrival[],
  finished: boolean,
): LaneResult {
  const first = new Map<number, number>();
  const copies = new Map<number, number>();
  const late = new Set<number>();
  let highest = 0;
  const arrivalOrder: number[] = [];
  for (const { n, t } of arrivals) {
    if (n < 1 || n > count) continue;
    arrivalOrder.push(n);
    if (first.has(n)) {
      copies.set(n, (copies.get(n) ?? 0) + 1);
      continue;
    }
    first.set(n, t);
    if (n < highest) late.add(n);
    else highest = n;
  }
  const messages: MessageResult[] = [];
  const latencies: number[] = [];
  let duplicates = 0;
  for (let n = 1; n <= count; n++) {
    const arrived = first.get(n);
    const sent = sentAt.get(n);
    const latencyMs = arrived !== undefined && sent !== undefined ? Math.max(0, arrived - sent) : null;
    if (latencyMs !== null) latencies.push(latencyMs);
    const extra = copies.get(n) ?? 0;
    duplicates += extra;
    const fate: MessageFate =
      arrived === undefined ? (finished ? 'missing' : 'pending') : late.has(n) ? 'late' : 'in-order';
    messages.push({ n, fate, copies: extra, latencyMs });
  }
  latencies.sort((a, b) => a - b);
  const delivered = first.size;
  const inOrder = delivered - late.size;
  const sent = sentAt.size;
  return {
    messages,
    arrivalOrder,
    summary: {
      sent,
      delivered,
      deliveredPct: sent === 0 ? 0 : (100 * delivered) / sent,
      inOrder,
      inOrderPct: delivered === 0 ? 0 : (100 * inOrder) / delivered,
      duplicates,
      missing: finished ? count - delivered : 0,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      maxLatency: latencies.length ? (latencies.at(-1) as number) : null,
    },
  };
}

/** `#0042 …` → 42: the number a message starts with, or null. */
export function messageNumber(text: string): number | null {
  const match = /^#(\d+)/.exec(text);
  return match ? Number(match[1]) : null;
}

export const MESSAGE_BODY = ' hola-mundo\n';

/** Message n as sent on both transports: `#0001 hola-mundo\n`, all of one length. */
export function messageText(n: number): string {
  return `#${String(n).padStart(4, '0')}${MESSAGE_BODY}`;
}

/**
 * The TCP receiver's side: the byte stream carries no message boundaries, so messages are found by
 * their newline, however the reads cut them (the framing a TCP application must do).
 */
export class LineCutter {
  #rest = '';

  push(text: string): string[] {
    const all = this.#rest + text;
    const lines = all.split('\n');
    this.#rest = lines.pop() ?? '';
    return lines;
  }
}
