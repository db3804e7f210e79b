import type { TestingLibraryMatchers } from '@testing-library/jest-dom/matchers';

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: the default must be vitest's own for the declarations to merge.
  interface Assertion<T = any> extends TestingLibraryMatchers<unknown, T> {}
}
