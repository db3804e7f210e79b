/**
 * The `default:` of a switch over a union (events, messages, commands): with every member handled
 * the value is `never` here, so a member added to the protocol is a compile error at every switch
 * that forgot it. Messages are validated before they reach a switch, so this throws only on a bug.
 */
export function assertNever(value: never, what = 'value'): never {
  const type = (value as { type?: unknown } | null)?.type;
  throw new Error(`Unhandled ${what}${typeof type === 'string' ? ` of type ${type}` : ''}.`);
}
