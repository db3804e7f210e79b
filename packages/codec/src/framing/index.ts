export {
  assertFraming,
  FramingError,
  type FramingErrorCode,
  framingProblems,
  type PrefixPlan,
  padByteOf,
  prefixPlan,
} from './config.ts';
export * from './decoder.ts';
export * from './describe.ts';
export * from './encode.ts';
export * from './json.ts';
export * from './json-text.ts';
export * from './presets.ts';
export type * from './types.ts';
