export { DEFAULT_URL, traceCommand } from './command.ts';
export { SHIM_DIR } from './launch/python.ts';
export { main } from './main.ts';
export type { TraceOptions } from './options.ts';
export { type BridgeFile, bridgeFilePath, readBridgeFile, runtimeDir, writeBridgeFile } from './runtime-file.ts';
