import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import { copyText } from '../../ui/copyText.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { socketLabel } from '../../ui/socketLabel.ts';
import { TabList, TabPanel, Tabs } from '../../ui/Tabs.tsx';
import { nodeCode } from './nodeCode.ts';
import { pythonCode } from './pythonCode.ts';
import { ANSWER_TIMEOUT_S, CHARGEN_READS, clientPlan, type SnippetSpec, udpClientPlan } from './snippets.ts';
import { specFor } from './specFor.ts';
import './code.css';
import { pythonCommand } from './pythonCommand.ts';

type Language = 'python' | 'node';
const LANGUAGES: Language[] = ['python', 'node'];

/** echo-server.py as in the seeds; a server of another behaviour, or its client, is named for it. */
function fileName(spec: SnippetSpec): string {
  const role = spec.kind.endsWith('server') ? 'server' : 'client';
  const behaviour = spec.kind === 'tcp-server' || spec.kind === 'udp-server' ? spec.behaviour : spec.server;
  const what = behaviour === undefined || behaviour === 'unknown' ? '' : `${behaviour}-`;
  return `${spec.kind.startsWith('udp') ? 'udp-' : ''}${what}${role}`;
}

/** "Show me the code": the selected socket as Python 3 (the seeds' style) and Node.js, ready to run. */
export function CodePanel() {
  const { t } = useTranslation();
  const entry = usePlayground((s) => (s.selection.key ? s.sockets[s.selection.key] : undefined));
  const sockets = usePlayground((s) => s.sockets);
  const [language, setLanguage] = useState<Language>('python');
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const fallbackRef = useRef<HTMLTextAreaElement>(null);
  const spec = entry ? specFor(entry, sockets) : null;
  const code = spec ? (language === 'python' ? pythonCode(spec) : nodeCode(spec)) : '';

  // "Copied" is about this code: it goes away when the code changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever the shown code changes.
  useEffect(() => setCopied(null), [code]);

  if (!entry || !spec) {
    return (
      <div className="code-panel" data-testid="code-panel">
        <EmptyState title={t('code.empty.title')}>{t('code.empty.body')}</EmptyState>
      </div>
    );
  }

  const file = `${fileName(spec)}.${language === 'python' ? 'py' : 'js'}`;
  const note = noteFor(t, spec, entry.info.kind === 'tcp-conn');

  return (
    <Tabs value={language} onChange={setLanguage} className="code-panel" data-testid="code-panel" data-kind={spec.kind}>
      <div className="code-panel__bar">
        <p className="code-panel__for">{t('code.for', { socket: socketLabel(t, entry) })}</p>
        <TabList
          look="box"
          label={t('code.title')}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`code.tabs.${l}`), testId: `code-tab-${l}` }))}
        />
        <button
          type="button"
          className="button button--small button--primary"
          onClick={async () => setCopied((await copyText(code, fallbackRef.current)) ? 'ok' : 'failed')}
          data-testid="code-copy"
        >
          {copied === 'ok' ? t('code.copied') : t('code.copy')}
        </button>
      </div>
      {note && (
        <p className="code-panel__note" data-testid="code-note">
          {note}
        </p>
      )}
      <p className="code-panel__run">{t(`code.run.${language}`, { file, python: pythonCommand() })}</p>
      {copied === 'failed' && <p className="inline-error">{t('code.copyFailed')}</p>}
      {LANGUAGES.map((l) => (
        <TabPanel key={l} value={l}>
          <pre
            className="code-panel__code"
            data-testid="code-text"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the code scrolls; the keyboard must reach it.
            tabIndex={0}
          >
            <code>{code}</code>
          </pre>
        </TabPanel>
      ))}
      <textarea ref={fallbackRef} className="code-panel__fallback" aria-hidden="true" tabIndex={-1} readOnly />
    </Tabs>
  );
}

/** What the code does, in words: the server's behaviour, or what the client sends and waits for. */
function noteFor(t: TFunction, spec: SnippetSpec, conn: boolean): string {
  const sizes = { size: spec.recvSize, seconds: ANSWER_TIMEOUT_S, count: CHARGEN_READS };
  switch (spec.kind) {
    case 'tcp-server': {
      const serving = conn ? t('code.notes.conn') : t(`code.notes.${spec.concurrency ?? 'concurrent'}`);
      return `${serving} ${t(`code.notes.server.${spec.behaviour ?? 'echo'}`)}`;
    }
    case 'udp-server':
      return t(`code.notes.server.${spec.behaviour ?? 'echo'}`);
    case 'tcp-client':
      return t(`code.notes.client.${clientPlan(spec.server)}`, sizes);
    case 'udp-client':
      return t(`code.notes.udpClient.${udpClientPlan(spec.server) as 'one-answer' | 'no-answer' | 'one-frame'}`, sizes);
  }
}
