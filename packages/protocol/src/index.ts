export * from './commands.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './kernel.ts';
export * from './messages.ts';
export * from './version.ts';
export * from './vocabulary.ts';
