import type { MouseEvent } from 'react';

/**
 * Where a key press moves the cursor of a byte grid (the hex dump, the ribbon): arrows by a byte
 * or a row, Page keys by eight rows, Home and End to the ends. Undefined for any other key.
 */
export function keyTarget(
  key: string,
  current: number,
  start: number,
  end: number,
  perRow: number,
): number | undefined {
  switch (key) {
    case 'Home':
      return start;
    case 'End':
      return end - 1;
    case 'ArrowLeft':
      return current - 1;
    case 'ArrowRight':
      return current + 1;
    case 'ArrowUp':
      return current - perRow;
    case 'ArrowDown':
      return current + perRow;
    case 'PageUp':
      return current - 8 * perRow;
    case 'PageDown':
      return current + 8 * perRow;
    default:
      return undefined;
  }
}

/** The stream offset of the byte cell under the pointer, if any. */
export function offsetUnderPointer(event: MouseEvent): number | undefined {
  const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-offset]');
  return cell ? Number(cell.dataset.offset) : undefined;
}
