import { type ConditionsPatch, type ConditionsSettings, NO_CONDITIONS } from '@playground/protocol';
import { catalogued } from '../errors.ts';

/**
 * Checks settings the schema cannot (how fields relate) and fills what is missing. The engine can be
 * used without the wire schema, so the ranges are checked here too.
 */
export function checkSettings(partial: Partial<ConditionsSettings>, base = NO_CONDITIONS): ConditionsSettings {
  const s: ConditionsSettings = { ...base };
  for (const [key, value] of Object.entries(partial) as [keyof ConditionsSettings, number | undefined][]) {
    if (value !== undefined) s[key] = value;
  }
  for (const key of ['lossPct', 'duplicatePct', 'reorderPct'] as const) {
    if (!(s[key] >= 0 && s[key] <= 100)) {
      throw catalogued('bad_command.percentage', { setting: key, value: s[key], rule: 'percentage' });
    }
  }
  for (const key of ['delayMs', 'jitterMs', 'bandwidthKbps', 'segmentMin', 'segmentMax', 'reorderDistance'] as const) {
    if (!Number.isInteger(s[key]) || s[key] < 0) {
      throw catalogued('bad_command.wholeNumber', { setting: key, value: s[key], rule: 'wholeNumber' });
    }
  }
  if (s.reorderDistance < 1) throw catalogued('bad_command.reorderDistance', { reorderDistance: s.reorderDistance });
  if (s.segmentMin > s.segmentMax) {
    throw catalogued('bad_command.segments', { segmentMin: s.segmentMin, segmentMax: s.segmentMax });
  }
  return s;
}

export function mergeSettings(current: ConditionsSettings, patch: ConditionsPatch): ConditionsSettings {
  return checkSettings(patch, current);
}

/** Milliseconds `bytes` take on a link of `kbps` kilobits per second (1 kbit/s is one bit per millisecond). */
export function transmitMs(bytes: number, kbps: number): number {
  return kbps > 0 ? (bytes * 8) / kbps : 0;
}

/** delay ± jitter for a draw r in [0, 1): uniform in [delay − jitter, delay + jitter], never below 0. */
export function delayFor(settings: ConditionsSettings, r: number): number {
  const jitter = settings.jitterMs > 0 ? (2 * r - 1) * settings.jitterMs : 0;
  return Math.max(0, settings.delayMs + jitter);
}
