import * as ToggleGroup from '@radix-ui/react-toggle-group';
import { type ReactNode, useId } from 'react';
import './choice.css';

/**
 * One choice out of a few, on Radix UI's toggle group: a radio group with one Tab stop and arrow
 * keys between the options. Each option's visible text is its accessible name.
 */
export interface ChoiceOption<V extends string> {
  value: V;
  label: ReactNode;
  hint?: string;
  testId?: string;
  disabled?: boolean;
}

interface ChoiceProps<V extends string> {
  /** What is chosen; null when none of the options is (a typed-in size that is no preset). */
  value: V | null;
  onChange(value: NoInfer<V>): void;
  options: readonly ChoiceOption<V>[];
  label: string;
  /** Show the label above the options, as a form field's label; otherwise it is only for screen readers. */
  showLabel?: boolean;
  /** `name` of the options, as a form field's, so tests and scripts find them the same way. */
  name?: string;
  disabled?: boolean;
  className?: string;
}

function ChoiceGroup<V extends string>(props: ChoiceProps<V> & { look: 'segmented' | 'chips' | 'dark' }) {
  const id = useId();
  const labelId = `${id}-label`;
  return (
    <div
      className={`choice choice--${props.look}${props.className ? ` ${props.className}` : ''}`}
      data-testid={props.name ? `choice-${props.name}` : undefined}
    >
      <span id={labelId} className={props.showLabel ? 'choice__label' : 'visually-hidden'}>
        {props.label}
      </span>
      <ToggleGroup.Root
        type="single"
        className="choice__options"
        aria-labelledby={labelId}
        value={props.value ?? ''}
        disabled={props.disabled}
        // Pressing the chosen option again would clear a single toggle group: a choice stays chosen.
        onValueChange={(next) => next && props.onChange(next as V)}
      >
        {props.options.map((option) => (
          <ToggleGroup.Item
            key={option.value}
            value={option.value}
            className="choice__option"
            name={props.name}
            data-value={option.value}
            title={option.hint}
            data-testid={option.testId}
            disabled={option.disabled}
          >
            {option.label}
          </ToggleGroup.Item>
        ))}
      </ToggleGroup.Root>
    </div>
  );
}

/** Equal segments side by side, the chosen one filled: TCP | UDP, Hex | Ribbon | Frames | Struct. */
export function SegmentedToggle<V extends string>(props: ChoiceProps<V> & { onDark?: boolean }) {
  const { onDark, ...rest } = props;
  return <ChoiceGroup {...rest} look={onDark ? 'dark' : 'segmented'} />;
}

/** Presets as small round chips that wrap: recv(16) recv(512)…, Perfect, Lossy… */
export function ChipGroup<V extends string>(props: ChoiceProps<V>) {
  return <ChoiceGroup {...props} look="chips" />;
}
