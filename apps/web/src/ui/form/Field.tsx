import type { InputHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from './validate.ts';

/** ids of the hint and error under a control, for its aria-describedby. */
export function describedBy(id: string, hint: boolean, problem: FieldProblem | undefined): string | undefined {
  const ids = [hint && `${id}-hint`, problem && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A labelled control with an optional hint and the validation message that belongs to it. */
export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  problem?: FieldProblem;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { id, problem } = props;
  return (
    <div className={props.className ? `field ${props.className}` : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <p id={`${id}-hint`} className="field__hint">
          {props.hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-error`} className="field__error">
          {t(`forms.invalid.${problem.field}`, { min: problem.min, max: problem.max })}
        </p>
      )}
    </div>
  );
}

interface NumberFieldProps {
  id: string;
  name?: string;
  label: string;
  value: string | number;
  min: number;
  max?: number;
  step?: number;
  problem?: FieldProblem;
  className?: string;
  onChange(value: string): void;
}

/**
 * A labelled number input and its validation message. Forms differ in what else the input carries
 * (disabled during a run, a title, NumberField's aria wiring): that comes in `input`.
 */
export function NumberInputField(props: NumberFieldProps & { input?: InputHTMLAttributes<HTMLInputElement> }) {
  const { id } = props;
  return (
    <Field id={id} label={props.label} problem={props.problem} className={props.className}>
      <input
        id={id}
        name={props.name}
        type="number"
        {...props.input}
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Field>
  );
}

/**
 * A whole-number field of a form: the labelled input, its bounds, and the aria wiring of its
 * problem and (when `hinted`) a hint with id `<id>-hint` shown elsewhere.
 */
export function NumberField(props: NumberFieldProps & { hinted?: boolean }) {
  const { hinted, ...field } = props;
  return (
    <NumberInputField
      {...field}
      input={{
        inputMode: 'numeric',
        'aria-invalid': props.problem ? true : undefined,
        'aria-describedby': describedBy(props.id, hinted ?? false, props.problem),
      }}
    />
  );
}
