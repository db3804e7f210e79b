import { useTranslation } from 'react-i18next';

export type Protocol = 'tcp' | 'udp';

/** TCP / UDP as a radio pair: one Tab stop, arrow keys switch, both choices always visible. */
export function ProtocolPicker(props: { value: Protocol; onChange(value: Protocol): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="segmented">
      <legend>{t('forms.protocol')}</legend>
      <div className="segmented__options">
        {(['tcp', 'udp'] as const).map((protocol) => (
          <label key={protocol} className="segmented__option">
            <input
              type="radio"
              name="protocol"
              value={protocol}
              checked={props.value === protocol}
              onChange={() => props.onChange(protocol)}
            />
            <span>{t(`forms.protocols.${protocol}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
