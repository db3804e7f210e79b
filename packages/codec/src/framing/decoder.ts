import { assertFraming } from './config.ts';
import { DelimiterDecoder } from './delimiter.ts';
import { LengthPrefixDecoder } from './length-prefix.ts';
import { RawDecoder } from './raw.ts';
import type { FrameDecoder, FramingConfig } from './types.ts';

/** A decoder for one direction of one stream. Throws FramingError for a framing that makes no sense. */
export function createFrameDecoder(config: FramingConfig): FrameDecoder {
  assertFraming(config);
  switch (config.kind) {
    case 'raw':
      return new RawDecoder(config);
    case 'delimiter':
      return new DelimiterDecoder(config);
    case 'length-prefix':
      return new LengthPrefixDecoder(config);
  }
}
