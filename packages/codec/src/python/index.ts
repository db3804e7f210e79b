export * from './json-loads.ts';
export * from './repr.ts';
export { UNICODE_VERSION } from './unprintable.ts';
export type { PyValue } from './values.ts';
