import { describe, expect, it } from 'vitest';
import { appendAll, dropWhile, emptyLog, logAt, logSize } from '../src/store/appendLog.ts';
import { toArray } from './support/logs.ts';

describe('AppendLog', () => {
  it('keeps only the newest `capacity` items and counts what fell off', () => {
    let log = emptyLog<number>();
    for (let i = 0; i < 25; i++) log = appendAll(log, [i], 10);
    expect(logSize(log)).toBe(10);
    expect(toArray(log)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
    expect(log.dropped).toBe(15);
    // The backing array is compacted, so memory stays within twice the capacity.
    expect(log.items.length).toBeLessThanOrEqual(20);
  });

  it('never changes an older snapshot, even when both are appended to', () => {
    const base = appendAll(emptyLog<string>(), ['a', 'b'], 10);
    const left = appendAll(base, ['left'], 10);
    const right = appendAll(base, ['right'], 10);
    expect(toArray(base)).toEqual(['a', 'b']);
    expect(toArray(left)).toEqual(['a', 'b', 'left']);
    expect(toArray(right)).toEqual(['a', 'b', 'right']);
  });

  it('reads by index inside the window and drops from the front', () => {
    const log = appendAll(emptyLog<number>(), [1, 2, 3, 4], 10);
    expect(logAt(log, 0)).toBe(1);
    expect(logAt(log, 4)).toBeUndefined();
    const dropped = dropWhile(log, (n) => n < 3);
    expect(toArray(dropped)).toEqual([3, 4]);
    expect(dropped.dropped).toBe(2);
    expect(toArray(log)).toEqual([1, 2, 3, 4]);
  });
});
