export { SHIM_DIR } from './launch/python.ts';
export { main, traceCommand } from './main.ts';
export { type BridgeFile, bridgeFilePath, readBridgeFile, runtimeDir, writeBridgeFile } from './runtime-file.ts';
