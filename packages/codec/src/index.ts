export * from './bytes.ts';
export * from './escaped.ts';
export * from './framing/index.ts';
export * from './payload.ts';
export * from './payload-error.ts';
export * from './range.ts';
export * from './sensor-record.ts';
export * from './struct/index.ts';
