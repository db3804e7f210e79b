import './stepDots.css';

/** How far into a lesson someone is: a dot per step, filled when done, ringed at the current one. */
export function StepDots(props: { count: number; step: number; done: readonly number[]; label: string }) {
  return (
    <span className="steps" role="img" aria-label={props.label}>
      {Array.from({ length: props.count }, (_, i) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: steps are positions
          key={i}
          className={`steps__dot ${props.done.includes(i) ? 'steps__dot--done' : ''} ${i === props.step ? 'steps__dot--current' : ''}`}
        />
      ))}
    </span>
  );
}
