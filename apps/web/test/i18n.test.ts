import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode, EVENT_TYPES, SocketKind, SocketState } from '@playground/protocol';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.ts';
import { formatError } from '../src/i18n/formatError.ts';
import { i18next } from '../src/i18n/index.ts';

const SRC = join(import.meta.dirname, '../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function lookup(key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
}

/** A key exists as a string, as a group of variants, or as i18next plural forms (key_one, key_other). */
function exists(key: string): boolean {
  return lookup(key) !== undefined || typeof lookup(`${key}_other`) === 'string';
}

describe('en.ts', () => {
  it('has every key that a t("…") in the sources uses', () => {
    const used = new Set<string>();
    for (const file of sources(SRC)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([^'$]+)'/g)) used.add(match[1] as string);
    }
    expect(used.size).toBeGreaterThan(80);
    expect([...used].filter((key) => !exists(key))).toEqual([]);
  });

  it('has the group behind every key built at run time from a protocol or UI value', () => {
    const prefixes = new Set<string>();
    for (const file of sources(SRC)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*`([\w.-]*?)\.?\$\{/g)) {
        prefixes.add(match[1] as string);
      }
    }
    expect(prefixes.size).toBeGreaterThan(10);
    expect([...prefixes].filter((prefix) => typeof lookup(prefix) !== 'object')).toEqual([]);
  });

  it('has the keys built from protocol values: states, kinds, event types, error codes', () => {
    const dynamic = [
      ...SocketState.options.flatMap((s) => [`states.${s}.label`, `states.${s}.explain`]),
      ...SocketKind.options.flatMap((k) => [`sockets.kinds.${k}`, `sockets.short.${k}`]),
      ...EVENT_TYPES.map((type) => `events.${type}`),
      ...ErrorCode.options.map((code) => `errors.${code}`),
      'errors.request_timeout',
      'errors.disconnected',
    ];
    expect(dynamic.filter((key) => !exists(key))).toEqual([]);
  });
});

describe('formatError', () => {
  it('fills the translation with the bridge’s params', () => {
    const text = formatError(i18next, {
      code: 'ECONNREFUSED',
      message: 'Nobody is listening on 127.0.0.1:9.',
      params: { host: '127.0.0.1', port: 9 },
    });
    expect(text).toBe('Connection refused: nothing is listening on 127.0.0.1:9. Start a server there first.');
  });

  it('picks the variant whose values were sent', () => {
    const range = { code: 'not_allowed' as const, message: 'x', params: { port: 80, minPort: 1024, maxPort: 65535 } };
    expect(formatError(i18next, range)).toMatch(/^Port 80 is outside the allowed range 1024–65535/);
    const own = { code: 'not_allowed' as const, message: 'x', params: { port: 4780 } };
    expect(formatError(i18next, own)).toBe('Port 4780 is the playground’s own port; pick another one.');
  });

  it('picks a variant by the value of a param, as for quota limits', () => {
    const sockets = { code: 'quota' as const, message: 'x', params: { limit: 'maxSockets', max: 200 } };
    expect(formatError(i18next, sockets)).toBe(
      'This session already has 200 open sockets, the most allowed. Close some first.',
    );
    const unknown = { code: 'quota' as const, message: 'A new limit.', params: { limit: 'somethingNew', max: 1 } };
    expect(formatError(i18next, unknown)).toBe('A new limit.');
  });

  it('explains a refusal on Python’s behalf (no SO_REUSEADDR) apart from a port really in use', () => {
    const held = {
      code: 'EADDRINUSE' as const,
      message: 'x',
      params: {
        host: '127.0.0.1',
        port: 65432,
        reason: 'noReuseAddr',
        state: 'TIME_WAIT',
        local: '127.0.0.1:65432',
        remote: '127.0.0.1:50000',
      },
    };
    expect(formatError(i18next, held)).toMatch(
      /^Port 65432 on 127.0.0.1 is still held by a connection in TIME_WAIT \(127.0.0.1:65432 ↔ 127.0.0.1:50000; .*SO_REUSEADDR/,
    );
    const busy = { code: 'EADDRINUSE' as const, message: 'x', params: { host: '127.0.0.1', port: 65432 } };
    expect(formatError(i18next, busy)).toBe(
      'Port 65432 on 127.0.0.1 is already used by another program on this computer. Pick another port.',
    );
    // A listener of this bridge on the port is the plainer reason, whatever else holds it.
    const own = { ...held, params: { ...held.params, heldBy: 'you', socketId: 's1' } };
    expect(formatError(i18next, own)).toBe(
      'Port 65432 is already used by your server s1. Stop it or pick another port.',
    );
  });

  it('falls back to the bridge’s English message when values are missing', () => {
    const text = formatError(i18next, { code: 'bad_payload', message: 'Hex needs two digits per byte.' });
    expect(text).toBe('Hex needs two digits per byte.');
  });
});
