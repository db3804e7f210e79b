import { createRequire } from 'node:module';
import type WebSocketType from '../../apps/server/node_modules/@types/ws/index.d.ts';

// `ws` is a dependency of the bridge (apps/server), not of the workspace root. Loading the bridge's own
// copy keeps the shared lockfile untouched and guarantees both ends speak the same `ws` version.
const require = createRequire(new URL('../../apps/server/package.json', import.meta.url));
const ws = require('ws') as typeof WebSocketType;

export const WebSocket = ws;
export const WebSocketServer = ws.WebSocketServer;
export type WebSocket = WebSocketType;
export type WebSocketServer = WebSocketType.WebSocketServer;
