import { toPythonBytes } from '../bytes.ts';
import { prefixPlan } from './config.ts';
import type { FramingConfig } from './types.ts';
import { bytes } from './words.ts';

/** One line for a socket's settings and the frames pane header, in the terms a learner reads in the seeds. */
export function describeFraming(config: FramingConfig): string {
  switch (config.kind) {
    case 'raw':
      return 'No framing: each read (TCP) or datagram (UDP) is one message.';
    case 'delimiter':
      return `Each message ends with ${toPythonBytes(Uint8Array.from(config.delimiter))}; at most ${bytes(config.maxLength)} per message.`;
    case 'length-prefix': {
      const plan = prefixPlan(config);
      const prefix = config.width === 1 ? 'A 1-byte' : `A ${config.width}-byte ${config.endian}-endian`;
      const padded = plan.padTo > 1;
      const counts =
        plan.unitSize > 1
          ? `count of ${plan.unitSize}-byte chunks`
          : `length in bytes${padded ? (plan.includesPadding ? ' (padding included)' : ' (padding not included)') : ''}`;
      const padding = padded
        ? ` padded with ${toPythonBytes(Uint8Array.of(plan.padByte))} to a multiple of ${bytes(plan.padTo)}`
        : '';
      // The prefix's own capacity can be the tighter limit (a 1-byte length cannot say more than 255).
      const capacity = plan.capacity * BigInt(plan.unitSize);
      const max = capacity < BigInt(plan.maxLength) ? capacity : plan.maxLength;
      return `${prefix} ${counts}, then the message${padding}; at most ${bytes(max)} per message.`;
    }
  }
}
