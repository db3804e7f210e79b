import type { DecodedPacket } from '@playground/wire';
import type { CapturePorts } from './bpf-filter.ts';

/**
 * Each capture socket stamps a packet itself when the kernel has no shared stamp, so the two copies
 * of one packet are a microsecond or so apart (seen on loopback: 88 of 200 twins 1 µs apart); the
 * same bytes sent again (a UDP echo with IP id 0) are further apart than that.
 */
const TWIN_SKEW_US = 20;
/** Packets remembered while runs overlap; past this, packets are passed on as they come. */
const MAX_REMEMBERED = 50_000;
/** Frame bytes that tell two packets apart (IP id, ports, sequence numbers). */
const KEY_BYTES = 96;

function accepts(ports: CapturePorts, packet: DecodedPacket): boolean {
  const set = packet.protocol === 'tcp' ? ports.tcp : ports.udp;
  const { srcPort, dstPort } = packet.protocol === 'tcp' ? packet.tcp : packet.udp;
  return set.has(srcPort) || set.has(dstPort);
}

/**
 * Hands the capture from one run of the tool to the next without showing a packet twice or losing
 * one. A packet both filters accept reaches both runs, each stamping it within TWIN_SKEW_US: a
 * packet is a twin when the other run already passed on one with the same bytes stamped that
 * close (the closest such one, so identical packets pair with their own copies), whichever run
 * hands its copies over first. A packet one run dropped just has no twin, and nothing shifts.
 */
export class CaptureHandover {
  /** Packets each run passed on that the other run has not matched yet, by their bytes. */
  readonly #unmatched = [new Map<string, number[]>(), new Map<string, number[]>()] as const;
  #remembered = 0;
  #oldLastUs = Number.NEGATIVE_INFINITY;
  #newLastUs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly oldPorts: CapturePorts,
    private readonly newPorts: CapturePorts,
  ) {}

  /** True when this packet's twin from the other run was already passed on: drop it. */
  twin(fromOld: boolean, packet: DecodedPacket, frame: Uint8Array, originalLength: number, timeUs: number): boolean {
    if (!accepts(this.oldPorts, packet) || !accepts(this.newPorts, packet)) return false;
    if (fromOld) this.#oldLastUs = Math.max(this.#oldLastUs, timeUs);
    else this.#newLastUs = Math.max(this.#newLastUs, timeUs);
    const key = fingerprint(frame, originalLength);
    const others = this.#unmatched[fromOld ? 1 : 0].get(key);
    if (others) {
      // Each run's stamps only grow: the other run's older than this one's can never be twins now.
      const stale = others.findIndex((t) => t >= timeUs - TWIN_SKEW_US);
      const drop = stale < 0 ? others.length : stale;
      others.splice(0, drop);
      this.#remembered -= drop;
      const twin = closest(others, timeUs);
      if (twin >= 0) {
        others.splice(twin, 1);
        this.#remembered--;
        return true;
      }
    }
    if (this.#remembered < MAX_REMEMBERED) {
      this.#remembered++;
      const own = this.#unmatched[fromOld ? 0 : 1];
      const list = own.get(key);
      if (list) list.push(timeUs);
      else own.set(key, [timeUs]);
    }
    return false;
  }

  /** Nothing can be a twin any more: the old run has stopped and the new run is past its last packet. */
  settled(oldStopped: boolean): boolean {
    return oldStopped && this.#newLastUs > this.#oldLastUs + TWIN_SKEW_US;
  }
}

/** FNV-1a over a frame's first bytes, with its length: a cheap fingerprint for telling twins apart. */
function fingerprint(frame: Uint8Array, originalLength: number): string {
  let hash = 0x811c9dc5;
  const end = Math.min(frame.byteLength, KEY_BYTES);
  for (let i = 0; i < end; i++) hash = Math.imul(hash ^ (frame[i] as number), 0x01000193);
  return `${originalLength}|${hash >>> 0}`;
}

/** The index of the stamp closest to `timeUs` within TWIN_SKEW_US, or -1 (stamps ascending). */
function closest(stamps: number[], timeUs: number): number {
  let best = -1;
  let bestGap = TWIN_SKEW_US;
  for (let i = 0; i < stamps.length && (stamps[i] as number) <= timeUs + TWIN_SKEW_US; i++) {
    const gap = Math.abs((stamps[i] as number) - timeUs);
    if (gap <= bestGap) {
      bestGap = gap;
      best = i;
    }
  }
  return best;
}
