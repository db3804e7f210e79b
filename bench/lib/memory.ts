/**
 * A helper's memory. `maxRss` is the kernel's high-water mark for the whole life of the process, so
 * each benchmark that reports a peak starts a fresh helper; sampling RSS instead cost the echo
 * servers 4% of their time (every reading parses /proc) and could still miss a short peak.
 */
export interface MemoryReading {
  rss: number;
  maxRss: number;
  heapUsed: number;
}

export function readMemory(options: { gc?: boolean } = {}): MemoryReading {
  if (options.gc) {
    // Twice: the first pass finds what the second can then free (weak references, finalizers).
    (globalThis as { gc?: () => void }).gc?.();
    (globalThis as { gc?: () => void }).gc?.();
  }
  return {
    rss: process.memoryUsage.rss(),
    maxRss: process.resourceUsage().maxRSS * 1024,
    heapUsed: process.memoryUsage().heapUsed,
  };
}

/** For investigating a peak: the largest heap, external and array-buffer figures seen, sampled every 50 ms. */
export class MemoryWatch {
  private readonly max = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  private readonly timer = setInterval(() => this.sample(), 50);

  constructor() {
    this.timer.unref();
  }

  private sample(): void {
    const m = process.memoryUsage();
    for (const key of Object.keys(this.max) as Array<keyof typeof this.max>) {
      if (m[key] > this.max[key]) this.max[key] = m[key];
    }
  }

  stop(): Record<string, number> {
    clearInterval(this.timer);
    this.sample();
    return { ...this.max };
  }
}
