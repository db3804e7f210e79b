export { defaultConfig, type PlaygroundConfig } from './config.ts';
export { type Playground, startPlayground } from './server.ts';
