import { describe, expect, it } from 'vitest';
import { rowWidthFor } from '../src/features/inspector/hexLayout.ts';
import { formatSigned, timeLabel } from '../src/features/log/timeLabels.ts';
import { layoutFor } from '../src/ui/shell/layoutMode.ts';
import { initialPresentation } from '../src/ui/shell/presentation.ts';

describe('the layout for a window', () => {
  it('is three columns from 1280 CSS px, two from 900, one below (zoom shrinks the CSS width)', () => {
    expect(layoutFor(1920, false)).toBe('wide');
    expect(layoutFor(1280, false)).toBe('wide');
    expect(layoutFor(1024, false)).toBe('split');
    // 1366×768 at 150 %: a 911 px page.
    expect(layoutFor(911, false)).toBe('split');
    expect(layoutFor(899, false)).toBe('column');
    expect(layoutFor(390, false)).toBe('column');
  });

  it('presenting keeps the log and the inspector beside the forms, even on a wide screen', () => {
    expect(layoutFor(1920, true)).toBe('split');
    expect(layoutFor(800, true)).toBe('column');
  });
});

describe('presentation mode', () => {
  it('follows the address first (?present=1 or 0), else what the browser remembered', () => {
    expect(initialPresentation('?present=1', null)).toBe(true);
    expect(initialPresentation('?present=0', '1')).toBe(false);
    expect(initialPresentation('', '1')).toBe(true);
    expect(initialPresentation('?x=1', null)).toBe(false);
  });
});

describe('log times', () => {
  it('keep every digit the clock has, from the chosen origin', () => {
    expect(timeLabel('session', 1234567.8916, null)).toBe('1234567.892');
    expect(timeLabel('connection', 10.5, 12.5)).toBe('−2.000');
    expect(timeLabel('previous', 10.75, 10.5)).toBe('+0.250');
    // No reference (nothing selected, the first row): the time since the session's start.
    expect(timeLabel('previous', 0.25, null)).toBe('0.250');
    expect(formatSigned(0)).toBe('+0.000');
  });
});

describe('hex dump rows', () => {
  it('hold 16 bytes where they fit in the box and 8 where they would not', () => {
    // 16 bytes, spaced one ch apart, need about 76 characters of a 9 px font.
    expect(rowWidthFor(700, 9, 6, 1)).toBe(16);
    expect(rowWidthFor(560, 9, 6, 1)).toBe(8);
    // A narrower gap lets 16 fit in less.
    expect(rowWidthFor(620, 9, 6, 0.5)).toBe(16);
  });
});
