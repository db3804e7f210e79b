import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import { socketKey } from '../../bridge/state.ts';
import { useCommand } from '../../bridge/useCommand.ts';
import { describedBy, Field, NumberField } from '../../ui/form/Field.tsx';
import { FormError } from '../../ui/form/FormError.tsx';
import { ProtocolPicker } from '../../ui/form/ProtocolPicker.tsx';
import { RecvSizeField } from '../../ui/form/RecvSizeField.tsx';
import { SubmitButton } from '../../ui/form/SubmitButton.tsx';
import type { FieldProblems } from '../../ui/form/validate.ts';
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
  const [prefilledFrom, setPrefilledFrom] = useState<string | null>(null);
  const command = useCommand();
  const prefill = usePlayground((s) => s.clientPrefill);
  const epoch = usePlayground((s) => s.epoch);
  const select = usePlayground((s) => s.select);
  const reveal = usePlayground((s) => s.reveal);
  const submitRef = useRef<HTMLButtonElement>(null);
  const set = <K extends keyof ClientValues>(key: K, value: ClientValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  useEffect(() => {
    if (!prefill) return;
    setValues((v) => ({ ...v, protocol: prefill.protocol, host: prefill.host, port: String(prefill.port) }));
    setProblems({});
    setPrefilledFrom(`${prefill.host}:${prefill.port}`);
    // Focus lands on Connect, so "connect to this server" is one more Enter away.
    submitRef.current?.focus();
  }, [prefill]);

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
      <p className="form__intro">{t('clients.intro')}</p>
      <ProtocolPicker value={values.protocol} onChange={(p) => set('protocol', p)} />
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
            onChange={(e) => set('host', e.target.value)}
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
          onChange={(v) => set('port', v)}
        />
      </div>
      <RecvSizeField value={values.recvSize} onChange={(v) => set('recvSize', v)} problem={problems.recvSize} />
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
        <p className="form__note" role="status">
          {t('clients.prefilled', { address: prefilledFrom, button: submitLabel })}
        </p>
      )}
      <SubmitButton ref={submitRef} pending={command.pending}>
        {submitLabel}
      </SubmitButton>
      <FormError error={command.error} />
    </form>
  );
}
