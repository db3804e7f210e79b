import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Page, useNetLab } from './labStore.ts';
import { NetworkLab } from './NetworkLab.tsx';

const PAGES: Page[] = ['sockets', 'netlab'];

/** Sockets or Network lab: the two pages of the playground, switched from the header. */
export function PageTabs() {
  const { t } = useTranslation();
  const page = useNetLab((s) => s.page);
  const setPage = useNetLab((s) => s.setPage);
  return (
    <nav className="page-tabs" aria-label={t('netlab.pages.label')}>
      {PAGES.map((p) => (
        <button
          key={p}
          type="button"
          className="page-tabs__tab"
          aria-current={page === p ? 'page' : undefined}
          data-testid={`page-${p}`}
          onClick={() => setPage(p)}
        >
          {t(`netlab.pages.${p}`)}
        </button>
      ))}
    </nav>
  );
}

/**
 * The workspace, or the network lab in its place. The workspace stays mounted (hidden) so its
 * views keep their state; the lab's runs live in their own stores and go on while it is hidden.
 */
export function PageSwitch(props: { children: ReactNode }) {
  const page = useNetLab((s) => s.page);
  return (
    <div className="page-switch" data-page={page}>
      <div className="page-switch__workspace" hidden={page !== 'sockets'}>
        {props.children}
      </div>
      {page === 'netlab' && <NetworkLab />}
    </div>
  );
}
