import { useTranslation } from 'react-i18next';
import { type Page, useNetLab } from './model/labStore.ts';
import './pageTabs.css';

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
