import { z } from 'zod';
import { type VariantTable, variant } from './define.ts';

const setting = z.object({ setting: z.string(), value: z.number() });

/** Settings of a sensor or of network conditions that the schema alone cannot refuse (`bad_command`). */
export const SETTINGS_ERRORS = {
  'bad_command.sensorLayout': variant(
    z.object({ format: z.string(), problem: z.string(), detail: z.string() }),
    (p) => p.detail,
  ),
  'bad_command.sensorRate': variant(
    z.object({ rateHz: z.number(), max: z.number() }),
    (p) => `A sensor sends from 1 to ${p.max} records per second, not ${p.rateHz}.`,
  ),
  'bad_command.sensorDuration': variant(
    z.object({ durationS: z.number(), max: z.number() }),
    (p) => `A sensor runs from 1 to ${p.max} seconds, not ${p.durationS}.`,
  ),
  'bad_command.percentage': variant(
    setting.extend({ rule: z.literal('percentage') }),
    (p) => `${p.setting} is a percentage: from 0 to 100, not ${p.value}.`,
  ),
  'bad_command.wholeNumber': variant(
    setting.extend({ rule: z.literal('wholeNumber') }),
    (p) => `${p.setting} must be a whole number of 0 or more.`,
  ),
  'bad_command.reorderDistance': variant(
    z.object({ reorderDistance: z.number() }),
    () => 'A held-back datagram waits for at least 1 later one.',
  ),
  'bad_command.segments': variant(
    z.object({ segmentMin: z.number(), segmentMax: z.number() }),
    (p) => `The smallest piece (${p.segmentMin} bytes) cannot be larger than the largest (${p.segmentMax} bytes).`,
  ),
} satisfies VariantTable;
