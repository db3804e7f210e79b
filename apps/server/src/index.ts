export {
  DEFAULT_ADMISSION,
  DEFAULT_LIMITS,
  defaultConfig,
  MiB,
  type PlaygroundConfig,
  type SessionLimits,
} from './config/config.ts';
export { type Playground, startPlayground } from './server.ts';
export { captureProblem } from './wire/capture-probe.ts';
export { findTool } from './wire/capture-tool.ts';
