import { MAX_RECV_SIZE, MIN_RECV_SIZE } from '@playground/protocol';

/**
 * recv sizes span 1 to 65,536, so the slider is logarithmic: every doubling is the same distance,
 * and 16 is as easy to hit as 4096.
 */
export const SLIDER_STEPS = 1600;
const BITS = Math.log2(MAX_RECV_SIZE);

export function sizeAt(position: number): number {
  const size = Math.round(2 ** ((position / SLIDER_STEPS) * BITS));
  return Math.min(MAX_RECV_SIZE, Math.max(MIN_RECV_SIZE, size));
}

export function positionOf(size: number): number {
  return Math.round((Math.log2(Math.max(MIN_RECV_SIZE, size)) / BITS) * SLIDER_STEPS);
}

/** The sizes the seeds pass to recv(). */
export const SEED_SIZES = [16, 512, 1024, 4096];
