import type { DecodedPacket } from '@playground/wire';
import type { CapturePorts } from './bpf-filter.ts';

/**
 * Each capture socket stamps a packet itself when the kernel has no shared stamp, so the two copies
 * of one packet can be a microsecond or so apart (seen on loopback: 88 of 200 twins 1 µs apart).
 */
const TWIN_SKEW_US = 50;
/** Packets of the old run remembered while the new run's first one is awaited. */
const MAX_REMEMBERED = 50_000;
/** Frame bytes that tell two packets apart (IP id, ports, sequence numbers). */
const KEY_BYTES = 96;

interface Sighting {
  key: string;
  timeUs: number;
}

/** FNV-1a over a frame's first bytes, with its length: a cheap fingerprint for telling twins apart. */
function sighting(frame: Uint8Array, originalLength: number, timeUs: number): Sighting {
  let hash = 0x811c9dc5;
  const end = Math.min(frame.byteLength, KEY_BYTES);
  for (let i = 0; i < end; i++) hash = Math.imul(hash ^ (frame[i] as number), 0x01000193);
  return { key: `${originalLength}|${hash >>> 0}`, timeUs };
}

function accepts(ports: CapturePorts, packet: DecodedPacket): boolean {
  const set = packet.protocol === 'tcp' ? ports.tcp : ports.udp;
  const { srcPort, dstPort } = packet.protocol === 'tcp' ? packet.tcp : packet.udp;
  return set.has(srcPort) || set.has(dstPort);
}

/**
 * Hands the capture from one run of the tool to the next without showing a packet twice or losing
 * one. The packets both filters accept reach both runs in the same order, so the old run's last
 * ones are the new run's first ones: the new run's first packet is found among the old run's (same
 * bytes, stamped within TWIN_SKEW_US), and from there the two streams pair up one to one, whichever
 * run hands its copies over first. Identical packets (UDP echoes with IP id 0) are told apart by
 * their place in the stream, not by their bytes.
 */
export class CaptureHandover {
  /** Packets both filters accept that each run has seen so far. */
  #oldCount = 0;
  #newCount = 0;
  #newFirst: Sighting | undefined;
  /** The old run's packets while the new run's first one is not known yet. */
  #oldSeen: Sighting[] = [];
  /** Where the new run's first packet is in the old run's stream, once found. */
  #start: number | undefined;

  constructor(
    private readonly oldPorts: CapturePorts,
    private readonly newPorts: CapturePorts,
  ) {}

  /** True when this packet's twin from the other run was already passed on: drop it. */
  twin(fromOld: boolean, packet: DecodedPacket, frame: Uint8Array, originalLength: number, timeUs: number): boolean {
    if (!accepts(this.oldPorts, packet) || !accepts(this.newPorts, packet)) return false;
    return fromOld
      ? this.#old(sighting(frame, originalLength, timeUs))
      : this.#new(sighting(frame, originalLength, timeUs));
  }

  /** Nothing can be a twin any more: the old run has stopped and the new run has passed its copies. */
  settled(oldStopped: boolean): boolean {
    if (!oldStopped) return false;
    if (this.#start === undefined) return this.#newFirst !== undefined;
    return this.#newCount >= this.#oldCount - this.#start;
  }

  #old(seen: Sighting): boolean {
    const i = this.#oldCount++;
    if (this.#start === undefined) {
      if (this.#newFirst && same(seen, this.#newFirst)) this.#start = i;
      else {
        if (this.#newFirst === undefined && this.#oldSeen.length < MAX_REMEMBERED) this.#oldSeen.push(seen);
        return false;
      }
    }
    return i >= this.#start && i - this.#start < this.#newCount;
  }

  #new(seen: Sighting): boolean {
    const j = this.#newCount++;
    if (j === 0) {
      this.#newFirst = seen;
      this.#start = closest(this.#oldSeen, seen);
      this.#oldSeen = [];
    }
    return this.#start !== undefined && this.#start + j < this.#oldCount;
  }
}

function same(a: Sighting, b: Sighting): boolean {
  return a.key === b.key && Math.abs(a.timeUs - b.timeUs) <= TWIN_SKEW_US;
}

/** The index of the sighting that is `seen`'s twin: the same bytes, stamped the closest in time. */
function closest(list: Sighting[], seen: Sighting): number | undefined {
  let best: number | undefined;
  for (let i = 0; i < list.length; i++) {
    const s = list[i] as Sighting;
    if (!same(s, seen)) continue;
    if (
      best === undefined ||
      Math.abs(s.timeUs - seen.timeUs) < Math.abs((list[best] as Sighting).timeUs - seen.timeUs)
    )
      best = i;
  }
  return best;
}
