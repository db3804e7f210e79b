export * from './codes.ts';
export * from './errors.ts';
export * from './format.ts';
export * from './half.ts';
export * from './pack.ts';
export * from './unpack.ts';
export type { StructValue } from './values.ts';
