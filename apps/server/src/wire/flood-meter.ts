/**
 * Packets a second past which the capture goes to blocks: tcpdump's immediate mode wakes it (and
 * the bridge) for every packet, which at tens of thousands a second took a fifth of an echo's
 * throughput on a two-core laptop; handed over in blocks, every packet is still captured, up to a
 * second later, for almost nothing.
 */
export const FLOOD_PACKETS_PER_SECOND = 4000;
/** Below this many a second for QUIET_TICKS ticks in a row, packets go one by one again. */
export const QUIET_PACKETS_PER_SECOND = 500;
const TICK_MS = 50;
const QUIET_TICKS = 40;

/**
 * Watches how many packets the capture delivers and says when a flood starts (hand them over in
 * blocks) and when it has been quiet for a while (one by one again, so a lone SYN shows at once).
 */
export class FloodMeter {
  #count = 0;
  #quietTicks = 0;
  #flooding = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly onChange: (flooding: boolean) => void) {}

  get flooding(): boolean {
    return this.#flooding;
  }

  count(packets: number): void {
    this.#count += packets;
    this.#timer ??= setInterval(() => this.#tick(), TICK_MS).unref();
    // A flood is called as soon as a tick's worth of packets is in, not at the end of the tick.
    if (!this.#flooding && this.#count > (FLOOD_PACKETS_PER_SECOND * TICK_MS) / 1000) {
      this.#flooding = true;
      this.#quietTicks = 0;
      this.onChange(true);
    }
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#count = 0;
    this.#quietTicks = 0;
    this.#flooding = false;
  }

  #tick(): void {
    const perSecond = (this.#count * 1000) / TICK_MS;
    this.#count = 0;
    if (this.#flooding) {
      this.#quietTicks = perSecond < QUIET_PACKETS_PER_SECOND ? this.#quietTicks + 1 : 0;
      if (this.#quietTicks >= QUIET_TICKS) {
        this.#flooding = false;
        this.onChange(false);
      }
    } else if (perSecond === 0) {
      // Nothing to watch: the timer starts again with the next packet.
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }
}
