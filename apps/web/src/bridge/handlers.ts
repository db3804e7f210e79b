import type { EventBatch } from '@playground/protocol';
import type { PlaygroundStore } from '../store/store.ts';
import type { BatchTap } from './batchTap.ts';
import type { BridgeHandlers } from './client.ts';

/** Roughly one frame: messages arriving within it are rendered together. */
const FRAME_MS = 16;

/**
 * Feeds the bridge's messages to the store. Event batches are queued and applied together once per
 * frame, so a burst of messages costs one render; anything else first applies what is queued, so the
 * store never sees events after the session they belong to has ended.
 */
export function storeHandlers(
  store: PlaygroundStore,
  tap: BatchTap,
  schedule: (flush: () => void) => void = (flush) => setTimeout(flush, FRAME_MS),
): BridgeHandlers {
  let queued: EventBatch[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (queued.length === 0) return;
    const batches = queued;
    queued = [];
    store.getState().receiveBatches(batches);
    tap.publish(batches, store.getState().epoch);
  };
  return {
    onBatch(batch) {
      queued.push(batch);
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    },
    onStatus(change) {
      flush();
      store.getState().receiveStatus(change);
    },
    onWelcome(welcome) {
      flush();
      store.getState().receiveWelcome(welcome);
    },
    onNotice(notice) {
      flush();
      store.getState().receiveNotice(notice);
    },
    onProgram(message) {
      // After the events that came first: a program's sockets are in the store before it says it ended.
      flush();
      store.getState().receiveProgram(message);
    },
    onKernel(snapshot) {
      // After the events that came first, so a row never names a socket the store has not seen.
      flush();
      store.getState().receiveKernel(snapshot);
    },
    onWire(message) {
      // After the events that came first, so a segment's link finds the write that made it.
      flush();
      if (message.type === 'wire') store.getState().receiveWireBatch(message);
      else store.getState().receiveWireStatus(message);
    },
  };
}
