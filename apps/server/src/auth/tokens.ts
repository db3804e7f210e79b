import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { JOIN_CODE_LENGTH } from '@playground/protocol';

/** 256 random bits, URL-safe: it travels in `/ws?token=…` because browsers cannot set WebSocket headers. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison of two secrets of any length. Both sides are hashed first, so
 * timingSafeEqual always sees equal-length buffers and neither the content nor the length of the
 * expected secret leaks through timing.
 */
export function safeEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Letters and digits a teacher can read aloud without confusion: no 0/O, 1/I/L. */
const JOIN_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function randomJoinCode(): string {
  return randomCode(JOIN_CODE_LENGTH);
}

/** `length` letters and digits of the read-aloud alphabet. */
export function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += JOIN_ALPHABET[randomInt(JOIN_ALPHABET.length)];
  return code;
}

/** What a student may type: `k7q-x2m`, `K7Q X2M` and `K7QX2M` are the same code. */
export function normalizeJoinCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}
