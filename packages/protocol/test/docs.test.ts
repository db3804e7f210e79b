import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, ErrorCode, EVENT_TYPES, SocketState } from '../src/index.ts';

const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');

describe('docs/protocol.md matches the schemas', () => {
  it.each(COMMAND_TYPES)('documents the command %s', (type) => expect(doc).toContain(`\`${type}\``));
  it.each(EVENT_TYPES)('documents the event %s', (type) => expect(doc).toContain(`\`${type}\``));
  it.each(ErrorCode.options)('documents the error code %s', (code) => expect(doc).toContain(`\`${code}\``));
  it.each(SocketState.options)('documents the state %s', (state) => expect(doc).toContain(`\`${state}\``));
});
