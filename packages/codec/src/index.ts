export * from './bytes.ts';
export * from './framing/index.ts';
export * from './payload.ts';
export * from './range.ts';
export * from './sensor-record.ts';
export * from './struct/index.ts';
