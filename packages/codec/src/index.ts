export * from './bytes.ts';
export * from './payload.ts';
