import { FRAMING_PRESETS, type FramingConfig } from '@playground/codec';

/** The picker's entries: the codec's presets, then a custom delimiter or length prefix. */
export type FramingChoiceId =
  | 'raw'
  | 'newline'
  | 'crlf'
  | 'seed002-chunk-count'
  | 'seed002-padded-length'
  | 'delimiter'
  | 'length-prefix';

export const PRESET_IDS = FRAMING_PRESETS.map((p) => p.id as FramingChoiceId);
export const CHOICE_IDS: FramingChoiceId[] = [...PRESET_IDS, 'delimiter', 'length-prefix'];

const DEFAULT_CUSTOM: Record<'delimiter' | 'length-prefix', FramingConfig> = {
  delimiter: { kind: 'delimiter', delimiter: [0x7c], maxLength: 65_536 },
  'length-prefix': { kind: 'length-prefix', width: 2, endian: 'big', unit: 'bytes', maxLength: 65_536 },
};

function sameConfig(a: FramingConfig, b: FramingConfig): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Which entry a framing is: a preset when it is one exactly, else the custom kind. */
export function choiceOf(config: FramingConfig): FramingChoiceId {
  const preset = FRAMING_PRESETS.find((p) => sameConfig(p.config, config));
  if (preset) return preset.id as FramingChoiceId;
  return config.kind === 'raw' ? 'raw' : config.kind;
}

/** The framing an entry stands for; a custom entry starts from the current framing when it is of that kind. */
export function configOf(id: FramingChoiceId, current: FramingConfig): FramingConfig {
  const preset = FRAMING_PRESETS.find((p) => p.id === id);
  if (preset) return preset.config;
  if (id === 'delimiter' || id === 'length-prefix') return current.kind === id ? current : DEFAULT_CUSTOM[id];
  return { kind: 'raw' };
}

export function isCustom(id: FramingChoiceId): id is 'delimiter' | 'length-prefix' {
  return id === 'delimiter' || id === 'length-prefix';
}
