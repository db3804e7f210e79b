import { fromBase64 } from '@playground/codec';
import { writePcap } from '@playground/wire';
import type { WireEntry } from '../../store/wireView.ts';

/** What a .pcap needs beyond the packets: the capture's link type and snap length. */
export interface PcapCapture {
  linkType: number;
  snaplen: number;
}

/** The captured frames as a classic pcap file, as tcpdump -w writes it: Wireshark opens it. */
export function pcapBytes(entries: readonly WireEntry[], capture: PcapCapture): Uint8Array<ArrayBuffer> {
  return writePcap(
    capture.linkType,
    capture.snaplen,
    entries.map(({ segment }) => ({
      timeUs: segment.timeUs,
      originalLength: segment.wireLength,
      data: fromBase64(segment.frame),
    })),
  );
}

/** `socket-playground-2025-05-01T10-20-30.pcap`. */
export function pcapFileName(now = new Date()): string {
  return `socket-playground-${now.toISOString().slice(0, 19).replace(/:/g, '-')}.pcap`;
}
