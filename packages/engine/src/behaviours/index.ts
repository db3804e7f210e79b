import type { Behaviour } from '@playground/protocol';
import { tcpChargen, udpChargen } from './chargen.ts';
import { tcpDaytime, udpDaytime } from './daytime.ts';
import { tcpDiscard, udpDiscard } from './discard.ts';
import { tcpEcho, udpEcho } from './echo.ts';
import { tcpFramedJson, udpFramedJson } from './framed-json.ts';
import { tcpQotd, udpQotd } from './qotd.ts';
import { tcpSensor, udpSensor } from './sensor.ts';
import type { BehaviourOptions, DatagramBehaviour, StreamBehaviour } from './types.ts';
import { tcpUpper, udpUpper } from './upper.ts';

export { DEFAULT_SERVER_FRAMING } from './framed-json.ts';
export type { BehaviourOptions, DatagramBehaviour, DatagramPeer, StreamBehaviour, StreamPeer } from './types.ts';

type Factory<T> = (options: BehaviourOptions) => T;

const STREAM: Record<Behaviour, Factory<StreamBehaviour> | undefined> = {
  echo: tcpEcho,
  none: undefined,
  upper: tcpUpper,
  qotd: tcpQotd,
  daytime: tcpDaytime,
  discard: tcpDiscard,
  chargen: tcpChargen,
  'framed-json': tcpFramedJson,
  sensor: tcpSensor,
};

const DATAGRAM: Record<Behaviour, Factory<DatagramBehaviour> | undefined> = {
  echo: udpEcho,
  none: undefined,
  upper: udpUpper,
  qotd: udpQotd,
  daytime: udpDaytime,
  discard: udpDiscard,
  chargen: udpChargen,
  'framed-json': udpFramedJson,
  sensor: udpSensor,
};

/** A fresh behaviour for one accepted connection; undefined for `none`. */
export function streamBehaviour(behaviour: Behaviour, options: BehaviourOptions = {}): StreamBehaviour | undefined {
  return STREAM[behaviour]?.(options);
}

export function datagramBehaviour(behaviour: Behaviour, options: BehaviourOptions = {}): DatagramBehaviour | undefined {
  return DATAGRAM[behaviour]?.(options);
}
