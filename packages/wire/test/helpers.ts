import { readFileSync } from 'node:fs';
import { decodePacket, PcapStreamParser } from '../src/index.ts';

export const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

/** A whole capture file through the stream parser, in chunks of `chunk` bytes. */
export function readCapture(name: string, chunk = 1 << 16) {
  const bytes = fixture(name);
  const parser = new PcapStreamParser();
  const records = [];
  for (let at = 0; at < bytes.byteLength; at += chunk) records.push(...parser.push(bytes.subarray(at, at + chunk)));
  const header = parser.header;
  if (!header) throw new Error(`${name} has no header`);
  return { header, records, leftover: parser.buffered };
}

/** Every record decoded, as plain data a test can compare. */
export function decodeCapture(name: string) {
  const { header, records } = readCapture(name);
  return records.map((r) => decodePacket(header.linkType, r.data, header.bigEndian));
}
