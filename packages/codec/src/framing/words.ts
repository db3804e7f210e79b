/** Small wording helpers, so every message reads "1 byte", "60 bytes", "1,048,576 bytes". */

export function count(n: number | bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function bytes(n: number | bigint): string {
  return `${count(n)} ${n === 1 || n === 1n ? 'byte' : 'bytes'}`;
}
