import type { FramingConfig } from '@playground/codec';
import { useTranslation } from 'react-i18next';
import type { FramesResult } from './model/frameTracker.ts';

/** The frame still arriving: "Frame in progress: 23 of 64 bytes", with a bar. */
export function PartialFrameView(props: { result: FramesResult; framing: FramingConfig }) {
  const { t } = useTranslation();
  const { partial, state } = props.result;
  if (!partial) return null;
  const { framing } = props;
  let text: string;
  if (state === 'skipping') text = t('frames.partial.skipping', { have: partial.have });
  else if (framing.kind === 'delimiter') text = t('frames.partial.open', { have: partial.have });
  else if (partial.need === undefined)
    text = t('frames.partial.header', { have: partial.have, width: partial.headerLength });
  else text = t('frames.partial.body', { have: partial.have, need: partial.need });
  return (
    <div className="frame frame--partial" data-testid="frame-partial">
      <p className="frame__head">{text}</p>
      {partial.need !== undefined && (
        <progress className="frame__progress" value={partial.have} max={partial.need} aria-label={text} />
      )}
    </div>
  );
}

/** What went wrong, each with a name and the codec's explanation of what it probably means. */
export function FrameProblems(props: { result: FramesResult }) {
  const { t } = useTranslation();
  const { errors } = props.result;
  if (errors.length === 0) return null;
  return (
    <section className="frame-problems" aria-label={t('frames.errorsTitle')}>
      <h4 className="frame-problems__title">{t('frames.errorsTitle')}</h4>
      <ul>
        {errors.map((error) => (
          <li
            key={`${error.base + error.range.start}-${error.code}`}
            className="frame-problem"
            data-testid="frame-error"
            data-code={error.code}
          >
            <strong>{t(`frames.errors.${error.code}`)}</strong>{' '}
            <span className="frame-problem__where">
              {t('frames.range', { start: error.base + error.range.start, end: error.base + error.range.end })}
            </span>
            <p>{error.message}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
