/**
 * A value as Python's `json.loads` returns it. JavaScript values lose what Python keeps: an int's
 * exact digits (12345678901234567890), whether a number was an int or a float (15 vs 15.0), and
 * the order of keys that look like integers ({"b": 1, "2": 2} stays in that order in a dict).
 */
export type PyValue =
  | { readonly type: 'str'; readonly value: string }
  | { readonly type: 'int'; readonly value: bigint }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'none' }
  | { readonly type: 'list'; readonly items: readonly PyValue[] }
  /** In insertion order; a repeated key keeps its first place and takes its last value, as a dict does. */
  | { readonly type: 'dict'; readonly entries: ReadonlyMap<string, PyValue> };
