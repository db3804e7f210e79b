import { encodePayload, PayloadError } from '@playground/codec';
import type { TFunction } from 'i18next';
import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandBody } from '../../bridge/client.ts';
import { usePlayground } from '../../bridge/context.tsx';
import { useCommand } from '../../bridge/useCommand.ts';
import type { SocketEntry } from '../../store/state.ts';
import { FormError } from '../../ui/form/FormError.tsx';
import { SubmitButton } from '../../ui/form/SubmitButton.tsx';
import { SendOptions } from '../lab/SendOptions.tsx';
import { DEFAULT_SEND_OPTIONS, plannedWrites, sendExtras, sendTimeoutMs } from '../lab/sendPlan.ts';
import { UdpTarget, type UdpTargetValue } from './UdpTarget.tsx';

const ENCODINGS = ['text', 'escaped', 'hex'] as const;
type Encoding = (typeof ENCODINGS)[number];

/** Longer than recv(16), so the first send already shows a message arriving in pieces. */
const DEFAULT_MESSAGE = 'hola mundo, this is a message longer than sixteen bytes';

type Parsed = { size: number; bytes: Uint8Array; problem: null } | { size: null; bytes: null; problem: string };

function parse(encoding: Encoding, value: string): Parsed {
  try {
    const bytes = encodePayload(encoding, value);
    return { size: bytes.length, bytes, problem: null };
  } catch (error) {
    if (error instanceof PayloadError) return { size: null, bytes: null, problem: error.message };
    throw error;
  }
}

export function SendBox(props: { entry: SocketEntry; disabled: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const { info } = props.entry;
  // Clients start with the tutorial's message; a server side answers, so it starts empty.
  const isClient = info.kind === 'tcp-client' || (info.kind === 'udp' && info.remote !== undefined);
  const [message, setMessage] = useState(isClient ? DEFAULT_MESSAGE : '');
  const [encoding, setEncoding] = useState<Encoding>('text');
  const [target, setTarget] = useState<UdpTargetValue>({
    host: info.remote?.address ?? '127.0.0.1',
    port: info.remote ? String(info.remote.port) : '',
  });
  const [tried, setTried] = useState(false);
  const [targetMissing, setTargetMissing] = useState(false);
  const parsed = useMemo(() => parse(encoding, message), [encoding, message]);
  const [options, setOptions] = useState(DEFAULT_SEND_OPTIONS);
  // Built only once opened: a page of socket cards need not render a struct form each.
  const [moreOpen, setMoreOpen] = useState(false);
  const { extras, problem: optionProblem } = useMemo(() => sendExtras(options), [options]);
  const plan = parsed.bytes ? plannedWrites(parsed.bytes, extras) : null;
  const command = useCommand();
  const noteSentFraming = usePlayground((s) => s.noteSentFraming);

  const send = (event: React.FormEvent) => {
    event.preventDefault();
    if (command.pending) return;
    setTried(true);
    if (parsed.problem !== null || optionProblem !== null) return;
    const body: CommandBody = { type: 'socket.send', socketId: info.id, data: { encoding, value: message }, ...extras };
    if (info.kind === 'udp') {
      const port = Number(target.port);
      const host = target.host.trim();
      const missing = !host || !Number.isInteger(port) || port < 1 || port > 65535;
      setTargetMissing(missing);
      if (missing) return;
      const isDefault = info.remote && info.remote.address === host && info.remote.port === port;
      if (!isDefault) body.to = { host, port };
    }
    const timeoutMs = sendTimeoutMs(extras, plan?.writes ?? 1);
    const framing = extras.framing;
    void command.run(body, timeoutMs ? { timeoutMs } : undefined).then((result) => {
      // The reply most likely comes back in the same framing: the frames view starts with it.
      if (result && framing) noteSentFraming(props.entry.key, framing);
    });
  };

  const sendOnCtrlEnter = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  };

  const showProblem = tried && parsed.problem !== null;
  return (
    <form className="send-box" onSubmit={send} noValidate>
      <div className="send-box__row">
        <label htmlFor={`${id}-message`} className="visually-hidden">
          {t('sockets.send.message')}
        </label>
        <textarea
          id={`${id}-message`}
          name="message"
          rows={2}
          spellCheck={false}
          value={message}
          placeholder={t('sockets.send.message')}
          aria-invalid={showProblem ? true : undefined}
          aria-describedby={`${id}-status`}
          onChange={(e) => setMessage(e.target.value)}
          onKeyDown={sendOnCtrlEnter}
        />
      </div>
      {info.kind === 'udp' && <UdpTarget value={target} onChange={setTarget} />}
      <div className="send-box__row send-box__controls">
        <label htmlFor={`${id}-encoding`} className="visually-hidden">
          {t('sockets.send.encoding')}
        </label>
        <select
          id={`${id}-encoding`}
          name="encoding"
          value={encoding}
          onChange={(e) => setEncoding(e.target.value as Encoding)}
        >
          {ENCODINGS.map((e) => (
            <option key={e} value={e}>
              {t(`sockets.send.encodings.${e}`)}
            </option>
          ))}
        </select>
        <SubmitButton pending={command.pending} disabled={props.disabled} mainAction>
          {t('sockets.actions.send')}
        </SubmitButton>
        <span id={`${id}-status`} className={showProblem ? 'inline-error' : 'send-box__count'} aria-live="polite">
          {showProblem
            ? t('sockets.send.invalid', { reason: parsed.problem })
            : parsed.size !== null &&
              `${t('sockets.send.bytes', { count: parsed.size })}${planText(t, plan, extras.split?.repeat ?? 1, parsed.size)} · ${t('sockets.send.shortcut')}`}
        </span>
      </div>
      <details className="send-box__more" onToggle={(e) => setMoreOpen(e.currentTarget.open)}>
        <summary>{t('lab.send.options')}</summary>
        {moreOpen && (
          <SendOptions
            entry={props.entry}
            value={options}
            problem={optionProblem}
            onChange={setOptions}
            onPacked={(hex) => {
              setEncoding('hex');
              setMessage(hex);
            }}
          />
        )}
      </details>
      {targetMissing && <p className="inline-error">{t('sockets.send.needTarget')}</p>}
      <FormError error={command.error} action={t('sockets.actions.send')} />
    </form>
  );
}

/** " → 64 B as 16 writes" when framing or splitting changes what goes out; nothing for one plain write. */
function planText(t: TFunction, plan: { bytes: number; writes: number } | null, repeat: number, size: number): string {
  if (!plan || (plan.writes === 1 && plan.bytes === size)) return '';
  const framed = plan.bytes !== size ? ` → ${t('lab.send.framed', { bytes: plan.bytes })}` : '';
  const writes =
    repeat > 1
      ? t('lab.send.planRepeat', { bytes: plan.bytes, repeat, count: plan.writes })
      : t('lab.send.plan', { bytes: plan.bytes, count: plan.writes });
  return `${framed} → ${writes}`;
}
