import { type ConditionsSettings, NO_CONDITIONS } from '@playground/protocol';

export const PERFECT: ConditionsSettings = NO_CONDITIONS;

export type PresetName = 'perfect' | 'lossy' | 'congested' | 'chaos';

/** Networks a class can pick in one click; the learner tunes from there. */
export const PRESETS: Record<PresetName, ConditionsSettings> = {
  perfect: PERFECT,
  lossy: { ...PERFECT, lossPct: 20, delayMs: 10, jitterMs: 2 },
  congested: { ...PERFECT, delayMs: 80, jitterMs: 40, bandwidthKbps: 2000, segmentMin: 200, segmentMax: 600 },
  chaos: { ...PERFECT, lossPct: 20, duplicatePct: 10, reorderPct: 15, reorderDistance: 3, delayMs: 30, jitterMs: 20 },
};

export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

export function presetOf(settings: ConditionsSettings): PresetName | null {
  for (const name of PRESET_NAMES) {
    const p = PRESETS[name];
    if ((Object.keys(p) as (keyof ConditionsSettings)[]).every((k) => p[k] === settings[k])) return name;
  }
  return null;
}
