import { useId } from 'react';
import { NumberInputField } from '../../../ui/form/Field.tsx';
import { clampWhole } from '../../../ui/form/validate.ts';

interface RunSetting<K extends string> {
  name: K;
  label: string;
  min: number;
  max: number;
}

/**
 * A lab run's whole-number settings side by side. Each is kept between 1 and its max as it is
 * typed, not between its min and max: a count of 15 is typed through 1.
 */
export function RunSettings<K extends string>(props: {
  settings: readonly RunSetting<K>[];
  values: Record<K, number>;
  disabled: boolean;
  onChange(name: K, value: number): void;
}) {
  const id = useId();
  return (
    <div className="conditions-form__row">
      {props.settings.map(({ name, label, min, max }) => (
        <NumberInputField
          key={name}
          id={`${id}-${name}`}
          name={name}
          label={label}
          min={min}
          max={max}
          value={props.values[name]}
          input={{ disabled: props.disabled }}
          onChange={(raw) => props.onChange(name, clampWhole(raw, 1, max))}
        />
      ))}
    </div>
  );
}
