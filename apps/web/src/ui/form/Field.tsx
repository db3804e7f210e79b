import type { ReactNode } from 'react';
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
    <div className={`field ${props.className ?? ''}`}>
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
