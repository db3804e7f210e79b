import type { Engine } from '@playground/engine';
import { formatBytes, type Notice } from '@playground/protocol';
import type { SessionLimits } from '../config/config.ts';
import type { RateLimit } from '../quota/rate-meter.ts';

/** Why the session's sockets stop reading: the browser is behind, or a rate quota ran out. */
type Hold = 'browser' | 'rate';

/** A learner hears about throttling once, not on every pause of a sustained flood. */
const QUOTA_NOTICE_EVERY_MS = 5000;

/**
 * Whether a session's sockets read: they stop while any reason holds them (TCP flow control then
 * slows their peers) and go on once none does. A rate quota running out is told to the learner,
 * at most every few seconds.
 */
export class ReadingHold {
  private readonly holds = new Set<Hold>();
  private lastQuotaNotice = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly engine: Engine,
    private readonly limits: SessionLimits,
    private readonly notify: (notice: Notice) => void,
    /** Told when the session's reading stops or goes on: its traced programs wait with it. */
    private readonly onHold: (held: boolean) => void = () => {},
  ) {}

  browserBehind(on: boolean): void {
    this.set('browser', on);
  }

  rateThrottled(throttled: boolean, limit: RateLimit): void {
    this.set('rate', throttled);
    const now = performance.now();
    if (!throttled || now - this.lastQuotaNotice < QUOTA_NOTICE_EVERY_MS) return;
    this.lastQuotaNotice = now;
    const max = this.limits[limit];
    const what = limit === 'bytesPerSecond' ? formatBytes(max) : `${max} events`;
    this.notify({
      type: 'notice',
      code: 'quota',
      message: `This session reached its limit of ${what} per second, so its sockets stop reading for a moment.`,
      params: { limit, max },
    });
  }

  private set(reason: Hold, on: boolean): void {
    const before = this.holds.size > 0;
    if (on) this.holds.add(reason);
    else this.holds.delete(reason);
    const after = this.holds.size > 0;
    if (before === after) return;
    if (after) this.engine.pauseReading();
    else this.engine.resumeReading();
    this.onHold(after);
  }
}
