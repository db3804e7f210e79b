import type { EventBatch } from '@playground/protocol';

export type BatchListener = (batches: readonly EventBatch[], epoch: number) => void;

/**
 * The event batches as they reach the store, with their bytes, for features that must read every
 * event (the TCP vs UDP comparison, the sensor chart) rather than the store's capped logs. One per
 * page, made with the page's stores: `storeHandlers` publishes to it right after the store has applied
 * the batches.
 */
export class BatchTap {
  readonly #listeners = new Set<BatchListener>();

  subscribe(listener: BatchListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(batches: readonly EventBatch[], epoch: number): void {
    for (const listener of this.#listeners) listener(batches, epoch);
  }
}
