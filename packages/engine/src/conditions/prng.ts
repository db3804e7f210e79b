/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): tiny, fast and good enough to draw network
 * conditions. The same seed gives the same sequence on every machine, so a class can replay a run.
 */
export type Random = () => number;

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An independent stream for one flow and direction of a relay: each gets its own generator, so the
 * decisions on one client's datagrams do not depend on how they interleave with another's, nor with
 * the replies coming back.
 */
export function streamSeed(seed: number, flow: number, direction: 'up' | 'down'): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (flow + 1), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (direction === 'up' ? 0x27d4eb2f : 0x165667b1), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** A seed when the learner gave none: shown in the relay's info, so the run can still be replayed. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 0x1_0000_0000) >>> 0;
}
