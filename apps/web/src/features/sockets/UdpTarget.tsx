import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface UdpTargetValue {
  host: string;
  port: string;
}

/** Where a datagram goes: sendto(data, (host, port)). Prefilled with the endpoint's default peer. */
export function UdpTarget(props: { value: UdpTargetValue; onChange(value: UdpTargetValue): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="form__row udp-target">
      <div className="field field--grow">
        <label htmlFor={`${id}-host`}>{t('sockets.send.toHost')}</label>
        <input
          id={`${id}-host`}
          name="toHost"
          type="text"
          spellCheck={false}
          value={props.value.host}
          onChange={(e) => props.onChange({ ...props.value, host: e.target.value })}
        />
      </div>
      <div className="field field--port">
        <label htmlFor={`${id}-port`}>{t('sockets.send.toPort')}</label>
        <input
          id={`${id}-port`}
          name="toPort"
          type="number"
          inputMode="numeric"
          min={1}
          max={65535}
          value={props.value.port}
          onChange={(e) => props.onChange({ ...props.value, port: e.target.value })}
        />
      </div>
    </div>
  );
}
