import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, Command, ErrorCode, EVENT_TYPES, SocketState } from '../src/index.ts';

const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');

/** The page's ```json examples that are whole JSON (others elide with …). */
const examples = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].flatMap((m) => {
  try {
    return [JSON.parse(m[1] as string) as { type?: unknown }];
  } catch {
    return [];
  }
});

describe('docs/protocol.md matches the schemas', () => {
  it.each(COMMAND_TYPES)('documents the command %s', (type) => expect(doc).toContain(`\`${type}\``));
  it.each(EVENT_TYPES)('documents the event %s', (type) => expect(doc).toContain(`\`${type}\``));
  it.each(ErrorCode.options)('documents the error code %s', (code) => expect(doc).toContain(`\`${code}\``));
  it.each(SocketState.options)('documents the state %s', (state) => expect(doc).toContain(`\`${state}\``));

  it('has example commands a client can copy as they are, framings included (maxLength is required)', () => {
    const commands = examples.filter((e) => COMMAND_TYPES.includes(e.type as (typeof COMMAND_TYPES)[number]));
    expect(commands.filter((c) => 'framing' in c)).toHaveLength(2);
    for (const command of commands) expect(Command.safeParse(command).error).toBeUndefined();
    const withoutMax = structuredClone(commands.find((c) => 'framing' in c)) as { framing: { maxLength?: number } };
    delete withoutMax.framing.maxLength;
    expect(Command.safeParse(withoutMax).success).toBe(false);
  });
});
