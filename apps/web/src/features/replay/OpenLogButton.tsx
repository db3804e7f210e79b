import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useReplay } from './replayStore.ts';

/** "Open a saved log": a file of "Export log", shown in the read-only viewer. No bridge needed. */
export function OpenLogButton(props: { className?: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const problem = useReplay((s) => s.problem);
  const detail = useReplay((s) => s.problemDetail);
  const openLogFile = useReplay((s) => s.openFile);
  return (
    <>
      <button
        type="button"
        className={props.className ?? 'button button--small'}
        onClick={() => input.current?.click()}
      >
        {t('replay.open')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        data-testid="open-log-input"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void openLogFile(file);
        }}
      />
      {problem && (
        <p className="inline-error" role="alert" data-testid="open-log-error">
          {t(`replay.problems.${problem}`)}
          {detail ? ` (${detail})` : ''}
        </p>
      )}
    </>
  );
}
