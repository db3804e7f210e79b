import { useTranslation } from 'react-i18next';
import { SegmentedToggle } from '../ChoiceGroup.tsx';

export type Protocol = 'tcp' | 'udp';

/** TCP / UDP: one Tab stop, arrow keys switch, both choices always visible. */
export function ProtocolPicker(props: {
  value: Protocol;
  onChange(value: Protocol): void;
  name?: string;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedToggle
      name={props.name ?? 'protocol'}
      label={props.label ?? t('forms.protocol')}
      showLabel={props.label === undefined}
      value={props.value}
      onChange={props.onChange}
      options={(['tcp', 'udp'] as const).map((p) => ({ value: p, label: t(`forms.protocols.${p}`) }))}
    />
  );
}
