/** Form fields the playground validates before a command leaves the page. */
export type FieldName = 'host' | 'port' | 'recvSize' | 'backlog' | 'timeoutMs' | 'count' | 'messages' | 'intervalMs';

export interface FieldProblem {
  field: FieldName;
  min?: number;
  max?: number;
}

export type FieldProblems = Partial<Record<FieldName, FieldProblem>>;

/** Reads a whole number in [min, max] from a text field, noting a problem instead when it is not one. */
export function readWhole(problems: FieldProblems, field: FieldName, raw: string, min: number, max: number): number {
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    problems[field] = { field, min, max };
    return Number.NaN;
  }
  return value;
}

export function readHost(problems: FieldProblems, raw: string): string {
  const host = raw.trim();
  if (!host) problems.host = { field: 'host' };
  return host;
}

export function hasProblems(problems: FieldProblems): boolean {
  return Object.keys(problems).length > 0;
}

/** A whole number in [min, max] from what a number input holds, for a field that is never left invalid. */
export function clampWhole(raw: string, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(Number(raw)) || min));
}
