import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import { formatError } from '../../i18n/formatError.ts';
import { useAccess } from '../../page/PageContext.tsx';
import { copyText } from '../../ui/copyText.ts';
import { attachCommands } from './attachCommand.ts';
import { useTraceCode } from './useTraceCode.ts';
import './trace.css';

/**
 * "Trace your own program": the exact command that runs the learner's program under the tracer and
 * shows it on this page. The page starts nothing itself; it only shows what to type, with this
 * page's code in a class.
 */
export function AttachProgram() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const mode = useAccess((s) => s.mode);
  const { code, error, renew } = useTraceCode();
  const running = usePlayground(
    (s) => s.programOrder.filter((k) => s.programs[k]?.epoch === s.epoch && s.programs[k]?.status === 'running').length,
  );
  const commands = attachCommands(
    mode,
    new URL('.', window.location.href).href,
    code?.code ?? null,
    t('trace.attach.program'),
  );
  const codeBlock = (
    <>
      <p className="trace-attach__code" data-testid="attach-code">
        {code ? (
          <>
            {t('trace.attach.codeLabel')} <code>{code.code}</code>
          </>
        ) : error ? null : (
          t('trace.attach.loading')
        )}
        {code && (
          <button type="button" className="button button--small" onClick={renew}>
            {t('trace.attach.renew')}
          </button>
        )}
      </p>
      {error && <p className="inline-error">{t('trace.attach.failed', { message: formatError(i18n, error) })}</p>}
      {code && (
        <p className="trace-attach__hint">
          {t('trace.attach.codeHint', { minutes: Math.round(code.expiresInMs / 60_000) })}
        </p>
      )}
    </>
  );
  return (
    <section className="panel form trace-attach" data-testid="attach-program" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('trace.attach.title')}</h2>
      <p className="form__intro">{t('trace.attach.intro')}</p>
      {commands.lines.map((line) => (
        <CommandLine key={line.label} label={t(`trace.attach.${line.label}`)} command={line.command} />
      ))}
      {mode === 'lan' ? (
        codeBlock
      ) : (
        // On the playground's own computer no code is needed; it is there for --code all the same.
        <details className="trace-attach__more">
          <summary>{t('trace.attach.codeSummary')}</summary>
          {codeBlock}
        </details>
      )}
      <p className="trace-attach__hint">{t('trace.attach.anyLanguage')}</p>
      {running > 0 && (
        <p className="trace-attach__running" role="status">
          {t('trace.attach.attached', { count: running })}
        </p>
      )}
    </section>
  );
}

function CommandLine(props: { label: string; command: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const fallback = useRef<HTMLTextAreaElement>(null);
  const copy = async () => setCopied((await copyText(props.command, fallback.current)) ? 'ok' : 'failed');
  return (
    <div className="trace-attach__line">
      <span className="trace-attach__label">{props.label}</span>
      <div className="trace-attach__row">
        <code className="trace-attach__command" data-testid="attach-command">
          {props.command}
        </code>
        <button
          type="button"
          className="button button--small"
          aria-label={t('trace.attach.copyCommand', { command: props.command })}
          onClick={() => void copy()}
        >
          {copied === 'ok' ? t('trace.attach.copied') : t('trace.attach.copy')}
        </button>
      </div>
      {copied === 'failed' && <p className="inline-error">{t('trace.attach.copyFailed')}</p>}
      <textarea ref={fallback} className="visually-hidden" aria-hidden="true" tabIndex={-1} readOnly />
    </div>
  );
}
