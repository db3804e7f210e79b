import { MAX_RECV_SIZE, MIN_RECV_SIZE } from '@playground/protocol';
import * as Slider from '@radix-ui/react-slider';
import { useTranslation } from 'react-i18next';
import { positionOf, SEED_SIZES, SLIDER_STEPS, sizeAt } from './recvScale.ts';

/**
 * The recv() size on a logarithmic track (Radix UI's slider), with the seeds' sizes marked. The
 * track moves in steps of position, but what a screen reader hears is the size itself: 1024, not
 * the thumb's position on the track (a native range input would report that).
 */
export function RecvSlider(props: { size: number; disabled: boolean; onChange(size: number): void }) {
  const { t } = useTranslation();
  return (
    <Slider.Root
      className="recv-slider"
      min={0}
      max={SLIDER_STEPS}
      step={1}
      value={[positionOf(props.size)]}
      disabled={props.disabled}
      onValueChange={([position]) => position !== undefined && props.onChange(sizeAt(position))}
    >
      <Slider.Track className="recv-slider__track">
        <Slider.Range className="recv-slider__range" />
      </Slider.Track>
      {SEED_SIZES.map((seed) => (
        <span
          key={seed}
          className="recv-slider__tick"
          style={{ left: `${(positionOf(seed) / SLIDER_STEPS) * 100}%` }}
          aria-hidden="true"
        />
      ))}
      <Slider.Thumb
        className="recv-slider__thumb"
        aria-label={t('lab.read.sliderLabel')}
        aria-valuemin={MIN_RECV_SIZE}
        aria-valuemax={MAX_RECV_SIZE}
        aria-valuenow={props.size}
        aria-valuetext={t('lab.read.sliderValue', { size: props.size })}
      />
    </Slider.Root>
  );
}
