/**
 * A half-open span [start, end) of byte offsets. Frames use stream offsets (counted from the first
 * byte the socket received); struct fields use offsets into the packed record. Both let a view
 * highlight exactly the bytes something came from.
 */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

export function byteRange(start: number, end: number): ByteRange {
  return { start, end };
}
