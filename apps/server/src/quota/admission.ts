import type { AdmissionConfig } from '../config/config.ts';
import type { Clock } from '../time/clock.ts';
import { AddressBuckets } from './address-buckets.ts';

export type Admit = { ok: true } | { ok: false; retryAfterS: number; reason: string };

/**
 * Caps what one remote address may do to the WebSocket endpoint: how many upgrades it may start
 * per second (every attempt that passed the Host and Origin checks counts, wrong tokens too) and
 * how many sessions it may hold at once. Refusals are HTTP 429 before the handshake; plain HTTP
 * (the page, /api/health) is not affected.
 */
export class Admission {
  private readonly upgrades: AddressBuckets;
  private readonly open = new Map<string, number>();

  constructor(
    private readonly config: AdmissionConfig,
    clock?: Clock,
  ) {
    this.upgrades = new AddressBuckets(config.upgradesPerSecond, config.upgradeBurst, clock);
  }

  /** Spends one of this address's upgrades. */
  startUpgrade(address: string): Admit {
    const taken = this.upgrades.take(address);
    if (taken.ok) return taken;
    return { ...taken, reason: 'Too many WebSocket upgrades from this address' };
  }

  /** Takes a session slot for this address; `release` gives it back when the session ends. */
  openSession(address: string): Admit {
    const held = this.open.get(address) ?? 0;
    if (held >= this.config.maxSessionsPerAddress) {
      return { ok: false, retryAfterS: 1, reason: 'Too many sessions from this address' };
    }
    this.open.set(address, held + 1);
    return { ok: true };
  }

  release(address: string): void {
    const held = (this.open.get(address) ?? 1) - 1;
    if (held <= 0) this.open.delete(address);
    else this.open.set(address, held);
  }
}
