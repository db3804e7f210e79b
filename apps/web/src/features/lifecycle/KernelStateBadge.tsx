import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TimelineState } from '../../store/kernelView.ts';
import './lifecycle.css';

export function kernelStateText(t: TFunction, state: TimelineState): { label: string; explain: string } {
  if (state === 'gone') return { label: t('kernel.gone.label'), explain: t('kernel.gone.explain') };
  return { label: t(`kernel.states.${state}.label`), explain: t(`kernel.states.${state}.explain`) };
}

/** A kernel TCP state as netstat names it, coloured by phase; its one-line meaning is the tooltip. */
export function KernelStateBadge(props: { state: TimelineState; time?: string }) {
  const { t } = useTranslation();
  const { label, explain } = kernelStateText(t, props.state);
  return (
    <span
      className={`kstate kstate--${props.state.toLowerCase()}`}
      title={explain}
      data-testid="kernel-state"
      data-state={props.state}
    >
      {label}
      {props.time && <span className="kstate__time">{props.time}</span>}
    </span>
  );
}
