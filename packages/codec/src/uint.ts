/**
 * Unsigned integers of 1 to 8 bytes in either byte order. Everything goes through bigint so that an
 * 8-byte length prefix or a `Q` field never silently loses precision above 2^53.
 */

export function readUint(bytes: Uint8Array, offset: number, width: number, littleEndian: boolean): bigint {
  let value = 0n;
  for (let i = 0; i < width; i++) {
    const byte = bytes[offset + (littleEndian ? width - 1 - i : i)] as number;
    value = (value << 8n) | BigInt(byte);
  }
  return value;
}

/** Writes the low `width` bytes of `value`; callers check the range first. */
export function writeUint(out: Uint8Array, offset: number, width: number, littleEndian: boolean, value: bigint): void {
  let rest = value;
  for (let i = 0; i < width; i++) {
    out[offset + (littleEndian ? i : width - 1 - i)] = Number(rest & 0xffn);
    rest >>= 8n;
  }
}

export function maxUint(width: number): bigint {
  return (1n << BigInt(width * 8)) - 1n;
}
