import { describe, expect, it } from 'vitest';
import { keyTarget } from '../src/ui/byteGridKeys.ts';

describe('keyboard moves in a byte grid', () => {
  it('moves by a byte, a row, eight rows, or to either end', () => {
    const move = (key: string) => keyTarget(key, 40, 0, 100, 16);
    expect([move('ArrowLeft'), move('ArrowRight'), move('ArrowUp'), move('ArrowDown')]).toEqual([39, 41, 24, 56]);
    expect([move('PageUp'), move('PageDown'), move('Home'), move('End')]).toEqual([-88, 168, 0, 99]);
  });

  it('leaves other keys to the page', () => {
    expect(keyTarget('Tab', 40, 0, 100, 16)).toBeUndefined();
    expect(keyTarget('a', 40, 0, 100, 16)).toBeUndefined();
  });
});
