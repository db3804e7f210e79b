import { reachableHost } from '@playground/protocol';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import { useCommand } from '../../bridge/useCommand.ts';
import { useAccess } from '../../page/PageContext.tsx';
import { socketKey } from '../../store/state.ts';
import { Field, NumberField } from '../../ui/form/Field.tsx';
import { FormError } from '../../ui/form/FormError.tsx';
import { ProtocolPicker } from '../../ui/form/ProtocolPicker.tsx';
import { RecvSizeField } from '../../ui/form/RecvSizeField.tsx';
import { SubmitButton } from '../../ui/form/SubmitButton.tsx';
import type { FieldProblems } from '../../ui/form/validate.ts';

import { FramingPicker } from '../framing/FramingPicker.tsx';
import {
  buildServerCommand,
  SEED_PORT,
  SERVER_BEHAVIOURS,
  SERVER_CONCURRENCIES,
  SERVER_DEFAULTS,
  SERVER_HOSTS,
  type ServerValues,
} from './serverCommand.ts';
import { type PortSuggestion, usePortSuggestion } from './usePortSuggestion.ts';

export function ServerForm() {
  const { t } = useTranslation();
  const id = useId();
  // In a class everyone shares this computer: port 0 lets the OS pick one no classmate holds.
  const inClass = useAccess((s) => s.mode === 'lan');
  const [values, setValues] = useState<ServerValues>(() =>
    inClass ? { ...SERVER_DEFAULTS, port: '0' } : SERVER_DEFAULTS,
  );
  const [portTyped, setPortTyped] = useState(false);
  const [problems, setProblems] = useState<FieldProblems>({});
  const command = useCommand();
  const prefillClient = usePlayground((s) => s.prefillClient);
  const epoch = usePlayground((s) => s.epoch);
  const reveal = usePlayground((s) => s.reveal);
  const suggestion = usePortSuggestion(values.protocol, values.host, SEED_PORT, !inClass && !portTyped);
  useEffect(() => {
    if (suggestion) setValues((v) => ({ ...v, port: String(suggestion.port) }));
  }, [suggestion]);
  const hostMeaning = SERVER_HOSTS.find((h) => h.value === values.host)?.label ?? 'loopback4';
  const set = <K extends keyof ServerValues>(key: K, value: ServerValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (command.pending) return;
    const built = buildServerCommand(values);
    setProblems(built.problems);
    if (!built.command) return;
    const result = await command.run(built.command);
    if (!result?.socket) return;
    reveal(socketKey(epoch, result.socket.id));
    const local = result.socket.local;
    // "Open a client" follows the server just started, so Connect reaches it (the form asks first if the learner typed a target).
    if (local) {
      prefillClient({
        protocol: values.protocol,
        host: reachableHost(local.address),
        port: local.port,
        source: 'started',
        socketId: result.socket.id,
      });
    }
  };

  return (
    <form
      className="panel form"
      data-testid="server-form"
      // The port the bridge proposed, once it answered: a test or a tool knows the form has checked.
      data-suggested-port={suggestion?.port}
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>{t('servers.title')}</h2>
      <p className="form__intro">{t(`servers.intro.${values.protocol}`)}</p>
      <ProtocolPicker value={values.protocol} onChange={(p) => set('protocol', p)} />
      <Field id={`${id}-host`} label={t('forms.host')} hint={t(`forms.hosts.${hostMeaning}`)}>
        <select
          id={`${id}-host`}
          name="host"
          value={values.host}
          aria-describedby={`${id}-host-hint`}
          onChange={(e) => set('host', e.target.value)}
        >
          {SERVER_HOSTS.map((h) => (
            <option key={h.value} value={h.value}>
              {h.value}
            </option>
          ))}
        </select>
      </Field>
      <div className="form__row">
        <NumberField
          id={`${id}-port`}
          name="port"
          label={t('forms.port')}
          value={values.port}
          min={0}
          max={65535}
          problem={problems.port}
          className="field--grow"
          onChange={(v) => {
            setPortTyped(true);
            set('port', v);
          }}
        />
        {values.protocol === 'tcp' && (
          <NumberField
            id={`${id}-backlog`}
            name="backlog"
            label={t('forms.backlog')}
            value={values.backlog}
            min={0}
            max={4096}
            problem={problems.backlog}
            hinted
            className="field--grow"
            onChange={(v) => set('backlog', v)}
          />
        )}
      </div>
      <PortNote inClass={inClass} suggestion={suggestion} protocol={values.protocol} />
      {/* Below the row rather than in the half-width field, where it would wrap into a column of words. */}
      {values.protocol === 'tcp' && (
        <p id={`${id}-backlog-hint`} className="field__hint form__row-hint">
          {t('forms.backlogHint')}
        </p>
      )}
      <RecvSizeField
        value={values.recvSize}
        onChange={(v) => set('recvSize', v)}
        problem={problems.recvSize}
        udp={values.protocol === 'udp'}
      />
      <Field id={`${id}-behaviour`} label={t('forms.behaviour')} hint={t(`forms.behaviourHints.${values.behaviour}`)}>
        <select
          id={`${id}-behaviour`}
          name="behaviour"
          value={values.behaviour}
          aria-describedby={`${id}-behaviour-hint`}
          onChange={(e) => set('behaviour', e.target.value as ServerValues['behaviour'])}
        >
          {SERVER_BEHAVIOURS.map((b) => (
            <option key={b} value={b}>
              {t(`forms.behaviours.${b}`)}
            </option>
          ))}
        </select>
      </Field>
      {values.behaviour === 'framed-json' && (
        <FramingPicker
          label={t('forms.framing')}
          value={values.framing}
          onChange={(framing) => set('framing', framing)}
          presetsOnly
        />
      )}
      {values.protocol === 'tcp' && (
        <Field
          id={`${id}-concurrency`}
          label={t('forms.concurrency')}
          hint={t(`forms.concurrencyHints.${values.concurrency}`)}
        >
          <select
            id={`${id}-concurrency`}
            name="concurrency"
            value={values.concurrency}
            aria-describedby={`${id}-concurrency-hint`}
            onChange={(e) => set('concurrency', e.target.value as ServerValues['concurrency'])}
          >
            {SERVER_CONCURRENCIES.map((c) => (
              <option key={c} value={c}>
                {t(`forms.concurrencies.${c}`)}
              </option>
            ))}
          </select>
        </Field>
      )}
      {values.protocol === 'tcp' && (
        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              name="noReuseAddress"
              checked={!values.reuseAddress}
              aria-describedby={`${id}-reuse-hint`}
              onChange={(e) => set('reuseAddress', !e.target.checked)}
            />
            {t('forms.noReuseAddress')}
          </label>
          <p id={`${id}-reuse-hint`} className="field__hint">
            {t('forms.noReuseAddressHint')}
          </p>
        </div>
      )}
      <SubmitButton pending={command.pending}>{t('servers.submit')}</SubmitButton>
      <FormError error={command.error} />
    </form>
  );
}

/** Why the port is what it is: the OS's choice in a class, or a free port instead of a taken one. */
function PortNote(props: { inClass: boolean; suggestion: PortSuggestion | null; protocol: ServerValues['protocol'] }) {
  const { t } = useTranslation();
  const { suggestion } = props;
  const holder = usePlayground((s) => {
    if (!suggestion) return undefined;
    const kind = props.protocol === 'tcp' ? 'tcp-server' : 'udp';
    return s.order
      .map((k) => s.sockets[k])
      .find(
        (e) =>
          e?.epoch === s.epoch &&
          e.info.kind === kind &&
          e.state !== 'closed' &&
          e.info.local?.port === suggestion.wanted,
      )?.info.id;
  });
  if (props.inClass) {
    return (
      <p className="field__hint form__row-hint" data-testid="port-note" data-reason="class">
        {t('servers.portInClass')}
      </p>
    );
  }
  if (!suggestion || suggestion.port === suggestion.wanted) return null;
  const params = { wanted: suggestion.wanted, port: suggestion.port, socket: holder ?? '' };
  return (
    <p className="form__note" role="status" data-testid="port-note" data-reason="taken">
      {holder ? t('servers.portTakenByServer', params) : t('servers.portTaken', params)}
    </p>
  );
}
