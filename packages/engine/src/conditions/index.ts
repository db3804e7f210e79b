export { MAX_HOLD_MS, MAX_LINK_QUEUE_MS } from './datagram-stage.ts';
export { mulberry32, randomSeed, streamSeed } from './prng.ts';
export { type ConditionsCreateOptions, MAX_RELAY_FLOWS, Relay, type RelayOptions } from './relay.ts';
export { checkSettings, mergeSettings } from './settings.ts';
export { MIN_RETRANSMIT_MS, retransmitMs } from './stream-stage.ts';
export { TcpRelay } from './tcp-relay.ts';
export { UdpRelay } from './udp-relay.ts';
