import { MAX_RECV_SIZE, MIN_RECV_SIZE } from '@playground/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ChipGroup } from '../ChoiceGroup.tsx';
import { describedBy, Field } from './Field.tsx';
import type { FieldProblem } from './validate.ts';

/** The buffer sizes the source tutorials pass to recv(). */
const CHIPS = [16, 512, 1024, 4096];

/** `udp`: the socket reads with recvfrom(N), which cuts a longer datagram, and the words say so. */
export function RecvSizeField(props: {
  value: string;
  onChange(value: string): void;
  problem?: FieldProblem;
  udp?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hint = props.udp ? t('forms.recvfromSizeHint') : t('forms.recvSizeHint');
  return (
    <Field id={id} label={t('forms.recvSize')} hint={hint} problem={props.problem}>
      <input
        id={id}
        name="recvSize"
        type="number"
        inputMode="numeric"
        min={MIN_RECV_SIZE}
        max={MAX_RECV_SIZE}
        value={props.value}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={describedBy(id, true, props.problem)}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <ChipGroup
        label={t('forms.recvSizeChips')}
        value={CHIPS.includes(Number(props.value)) ? props.value : null}
        onChange={props.onChange}
        options={CHIPS.map((size) => ({
          value: String(size),
          label: t(props.udp ? 'forms.recvfromSizeChip' : 'forms.recvSizeChip', { size }),
        }))}
      />
    </Field>
  );
}
