import * as matchers from '@testing-library/jest-dom/matchers';
import { cleanup } from '@testing-library/react';
import { afterEach, expect } from 'vitest';
import '../src/i18n/index.ts';

// Registered on the vitest that runs these tests (the `/vitest` entry would bind to whichever vitest jest-dom was installed with).
expect.extend(matchers);
afterEach(cleanup);

// jsdom lays nothing out, so give scroll containers a size: the virtualized lists then render rows.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });

// jsdom has no ResizeObserver; with nothing laid out there is nothing to observe (Radix's slider asks for one).
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
