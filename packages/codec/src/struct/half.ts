/**
 * IEEE 754 half precision (`e`), rounded to nearest-even exactly like CPython's PyFloat_Pack2.
 * Scaling by powers of two is exact in a double, so the only rounding is the explicit one below.
 */

/** The 16-bit pattern for `value`, or undefined when it is too large for a half float (|x| ≥ 65520). */
export function toHalfBits(value: number): number | undefined {
  const sign = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  // Python copies NaN's sign; a JavaScript NaN has no observable sign, so it is always positive here.
  if (Number.isNaN(value)) return 0x7e00;
  const x = Math.abs(value);
  if (x === Number.POSITIVE_INFINITY) return sign | 0x7c00;
  if (x === 0) return sign;
  // Math.log2 may be off by one next to powers of two; the two checks put x in [2^exp, 2^(exp+1)).
  let exp = Math.floor(Math.log2(x));
  if (2 ** exp > x) exp--;
  else if (2 ** (exp + 1) <= x) exp++;
  if (exp > 15) return undefined;
  // Below 2^-14 the exponent field stays at its minimum and the value becomes subnormal.
  exp = Math.max(exp, -14);
  const scaled = x / 2 ** (exp - 10);
  let mantissa = Math.floor(scaled);
  const rest = scaled - mantissa;
  if (rest > 0.5 || (rest === 0.5 && mantissa % 2 === 1)) mantissa++;
  // Adding the 11-bit mantissa (implicit 1 included) carries into the exponent field on its own
  // when rounding reaches 2048, and turns the largest subnormal into the smallest normal.
  const bits = ((exp + 14) << 10) + mantissa;
  return bits >= 0x7c00 ? undefined : sign | bits;
}

export function fromHalfBits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0x1f) return mantissa ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  return sign * (1024 + mantissa) * 2 ** (exponent - 25);
}
