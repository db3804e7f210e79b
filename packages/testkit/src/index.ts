export { blackhole } from './blackhole.ts';
export { type BridgeAddress, BridgeTestClient, bridgeUrl } from './bridge-client.ts';
export { hostileMessages } from './hostile-json.ts';
export { type HttpAnswer, httpRequest, upgradeStatus } from './http.ts';
export { freePort } from './ports.ts';
export { chromiumPath, findPython, hasChromium } from './probes.ts';
export { openDeafSession, pongFrame, textFrame } from './raw-websocket.ts';
export { sleep, until } from './time.ts';
