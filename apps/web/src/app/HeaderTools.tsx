import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground, usePlaygroundStore } from '../bridge/context.tsx';
import { isLabSocket, useNetLabStore } from '../features/netlab/model/labStore.ts';
import { downloadJson, logFileName } from '../features/replay/model/recorder.ts';
import { OpenLogButton } from '../features/replay/OpenLogButton.tsx';
import { setupLink, setupOf } from '../features/share/setupLink.ts';
import { formatPolicy } from '../i18n/formatPolicy.ts';
import { useAccess, useOptionalPage } from '../page/PageContext.tsx';
import { SegmentedToggle } from '../ui/ChoiceGroup.tsx';
import { LanguageSwitch } from '../ui/shell/LanguageSwitch.tsx';
import { PresentToggle } from '../ui/shell/PresentToggle.tsx';
import './tools.css';

/** The header's own controls: the teacher's two views, the session menu, the language. */
export function HeaderTools() {
  const { t } = useTranslation();
  const role = useAccess((s) => s.role);
  const name = useAccess((s) => s.name);
  return (
    <div className="header-tools">
      {role === 'student' && name && (
        <span className="header-tools__name" data-testid="student-name" title={t('join.name')}>
          {name}
        </span>
      )}
      {role === 'teacher' && <TeacherViewSwitch />}
      <PresentToggle />
      <SessionMenu />
      <LanguageSwitch />
    </div>
  );
}

function TeacherViewSwitch() {
  const { t } = useTranslation();
  const view = useAccess((s) => s.teacherView);
  const show = useAccess((s) => s.showTeacherView);
  return (
    <SegmentedToggle
      onDark
      label={t('classroom.views.label')}
      value={view}
      onChange={show}
      options={(['class', 'sockets'] as const).map((v) => ({
        value: v,
        label: t(`classroom.views.${v}`),
        testId: `teacher-view-${v}`,
      }))}
    />
  );
}

/** Keep and share: export the session's events, open a saved log, copy a link that recreates the sockets. */
function SessionMenu() {
  const { t } = useTranslation();
  const id = useId();
  const page = useOptionalPage();
  const store = usePlaygroundStore();
  const netLab = useNetLabStore();
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const sessionId = usePlayground((s) => s.connection.sessionId);
  const policy = usePlayground((s) => s.connection.targetPolicy);
  const menu = useRef<HTMLDetailsElement>(null);
  // Closes like any menu: Escape, or a click elsewhere on the page.
  useEffect(() => {
    const close = (event: Event) => {
      const el = menu.current;
      if (!el?.open) return;
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !el.contains(event.target as Node)) el.open = false;
    };
    document.addEventListener('keydown', close);
    document.addEventListener('click', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('click', close);
    };
  }, []);

  const exportLog = () => {
    if (!page) return;
    const log = page.recorder.export(store.getState());
    downloadJson(logFileName(log), log);
  };
  const share = () => {
    // The learner's own sockets: the network lab's servers, relays and clients are its plumbing.
    const labKeys = netLab.getState().labKeys;
    const setup = setupOf(store.getState(), (entry) => isLabSocket(labKeys, entry));
    setCopied(false);
    setLink(setup ? setupLink(`${window.location.origin}${window.location.pathname}`, setup) : '');
  };
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <details className="menu" data-testid="session-menu" ref={menu}>
      <summary className="button button--small button--on-dark">{t('session.menu')}</summary>
      <div className="menu__popover">
        {/* The header shows these on wide screens only; here they are always at hand. */}
        {sessionId && <p className="menu__hint">{t('app.session', { id: sessionId.slice(0, 8) })}</p>}
        {policy && <p className="menu__hint">{t('app.policy', { policy: formatPolicy(t, policy) })}</p>}
        <p className="menu__heading">{t('session.keep')}</p>
        <button
          type="button"
          className="button button--small"
          data-testid="export-log"
          onClick={exportLog}
          disabled={!page}
        >
          {t('session.export')}
        </button>
        <p className="menu__hint">{t('session.exportHint')}</p>
        <OpenLogButton />
        <p className="menu__heading">{t('session.share')}</p>
        <button type="button" className="button button--small" data-testid="share-setup" onClick={share}>
          {t('session.shareSetup')}
        </button>
        {link === '' && <p className="menu__hint">{t('session.nothingToShare')}</p>}
        {link && (
          <div className="field">
            <label htmlFor={`${id}-link`}>{t('session.link')}</label>
            <input
              id={`${id}-link`}
              type="text"
              readOnly
              value={link}
              data-testid="share-link"
              onFocus={(e) => e.target.select()}
            />
            {typeof navigator !== 'undefined' && navigator.clipboard && (
              <button type="button" className="button button--small" onClick={() => void copy()}>
                {copied ? t('session.copied') : t('session.copy')}
              </button>
            )}
            <p className="menu__hint">{t('session.linkHint')}</p>
          </div>
        )}
      </div>
    </details>
  );
}
