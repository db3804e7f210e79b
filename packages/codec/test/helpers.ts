import { parseHex } from '../src/index.ts';

/** Hex from test vectors, spaces allowed. */
export const fromHex = (hex: string): Uint8Array => parseHex(hex);

/** Cuts `bytes` at the given points (any numbers; they are folded into range and sorted). */
export function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (point > from) pieces.push(bytes.subarray(from, point));
    from = point;
  }
  return pieces;
}
