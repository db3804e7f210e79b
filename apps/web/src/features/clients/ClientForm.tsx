import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import { useCommand } from '../../bridge/useCommand.ts';
import { type ClientPrefill, socketKey } from '../../store/state.ts';
import { describedBy, Field, NumberField } from '../../ui/form/Field.tsx';
import { FormError } from '../../ui/form/FormError.tsx';
import { ProtocolPicker } from '../../ui/form/ProtocolPicker.tsx';
import { RecvSizeField } from '../../ui/form/RecvSizeField.tsx';
import { SubmitButton } from '../../ui/form/SubmitButton.tsx';
import type { FieldProblems } from '../../ui/form/validate.ts';
import { formatEndpoint } from '../../ui/format.ts';
import {
  buildClientCommand,
  CLIENT_DEFAULTS,
  CLIENT_HOST_SUGGESTIONS,
  type ClientValues,
  replyTimeout,
} from './clientCommand.ts';

export function ClientForm() {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState<ClientValues>(CLIENT_DEFAULTS);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [prefilledFrom, setPrefilledFrom] = useState<ClientPrefill | null>(null);
  /** The learner typed a target of their own since the form was last filled in for them. */
  const typed = useRef(false);
  /** A server just started while the learner had typed a target: the form asks before following it. */
  const [offer, setOffer] = useState<ClientPrefill | null>(null);
  const command = useCommand();
  const prefill = usePlayground((s) => s.clientPrefill);
  const epoch = usePlayground((s) => s.epoch);
  const select = usePlayground((s) => s.select);
  const reveal = usePlayground((s) => s.reveal);
  const submitRef = useRef<HTMLButtonElement>(null);
  const set = <K extends keyof ClientValues>(key: K, value: ClientValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const setTarget = <K extends 'protocol' | 'host' | 'port'>(key: K, value: ClientValues[K]) => {
    typed.current = true;
    setPrefilledFrom(null);
    set(key, value);
  };

  const fillFrom = useCallback((target: ClientPrefill) => {
    setValues((v) => ({ ...v, protocol: target.protocol, host: target.host, port: String(target.port) }));
    setProblems({});
    setPrefilledFrom(target);
    typed.current = false;
    setOffer(null);
    // Asked for ("connect a client here"): focus lands on Connect, so connecting is one more Enter away.
    if (target.source !== 'started') submitRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!prefill) return;
    if (prefill.source === 'started' && typed.current) setOffer(prefill);
    else fillFrom(prefill);
  }, [prefill, fillFrom]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (command.pending) return;
    const built = buildClientCommand(values);
    setProblems(built.problems);
    setPrefilledFrom(null);
    if (!built.command) return;
    const result = await command.run(built.command, { timeoutMs: replyTimeout(built.command) });
    if (!result?.socket) return;
    const key = socketKey(epoch, result.socket.id);
    select(key);
    reveal(key);
  };

  const submitLabel = values.protocol === 'tcp' ? t('clients.submitTcp') : t('clients.submitUdp');
  return (
    <form className="panel form" data-testid="client-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('clients.title')}</h2>
      <p className="form__intro">{t(`clients.intro.${values.protocol}`)}</p>
      <ProtocolPicker value={values.protocol} onChange={(p) => setTarget('protocol', p)} />
      <div className="form__row">
        <Field id={`${id}-host`} label={t('forms.host')} problem={problems.host} className="field--grow">
          <input
            id={`${id}-host`}
            name="host"
            type="text"
            list={`${id}-hosts`}
            autoComplete="off"
            spellCheck={false}
            value={values.host}
            aria-invalid={problems.host ? true : undefined}
            aria-describedby={describedBy(`${id}-host`, false, problems.host)}
            onChange={(e) => setTarget('host', e.target.value)}
          />
          <datalist id={`${id}-hosts`}>
            {CLIENT_HOST_SUGGESTIONS.map((h) => (
              <option key={h} value={h} />
            ))}
          </datalist>
        </Field>
        <NumberField
          id={`${id}-port`}
          name="port"
          label={t('forms.port')}
          value={values.port}
          min={1}
          max={65535}
          problem={problems.port}
          className="field--port"
          onChange={(v) => setTarget('port', v)}
        />
      </div>
      <RecvSizeField
        value={values.recvSize}
        onChange={(v) => set('recvSize', v)}
        problem={problems.recvSize}
        udp={values.protocol === 'udp'}
      />
      {values.protocol === 'tcp' && (
        <NumberField
          id={`${id}-timeout`}
          name="timeoutMs"
          label={t('forms.timeoutMs')}
          value={values.timeoutMs}
          min={100}
          max={60000}
          step={100}
          problem={problems.timeoutMs}
          className="field--port"
          onChange={(v) => set('timeoutMs', v)}
        />
      )}
      {prefilledFrom && (
        <p className="form__note" role="status" data-testid="client-prefilled">
          {prefilledFrom.source === 'started'
            ? t('clients.follows', { ...where(prefilledFrom), button: submitLabel })
            : t('clients.prefilled', { ...where(prefilledFrom), button: submitLabel })}
        </p>
      )}
      {offer && (
        <div className="form__note" role="status" data-testid="client-offer">
          <p>{t('clients.offer', where(offer))}</p>
          <button type="button" className="button button--small" onClick={() => fillFrom(offer)}>
            {t('clients.useOffer')}
          </button>
        </div>
      )}
      <SubmitButton ref={submitRef} pending={command.pending}>
        {submitLabel}
      </SubmitButton>
      <FormError error={command.error} />
    </form>
  );
}

const where = (target: ClientPrefill) => ({
  address: formatEndpoint({ address: target.host, port: target.port }),
  socket: target.socketId ?? '',
});
