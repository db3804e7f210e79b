import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNetLab } from '../features/netlab/model/labStore.ts';
import { Loading } from '../ui/shell/Loading.tsx';

// The network lab (its charts, runs and conditions) loads the first time it is opened.
const NetworkLab = lazy(() => import('../features/netlab/NetworkLab.tsx').then((m) => ({ default: m.NetworkLab })));

/**
 * The work area under the header (the skip link's target): the workspace, or the network lab in
 * its place. The workspace stays mounted (hidden) so its views keep their state; the lab's runs
 * live in their own stores and go on while it is hidden.
 */
export function PageSwitch(props: { children: ReactNode }) {
  const { t } = useTranslation();
  const page = useNetLab((s) => s.page);
  return (
    <main
      id="work"
      className="page-switch"
      data-page={page}
      tabIndex={-1}
      aria-label={page === 'netlab' ? t('netlab.title') : t('app.regions.work')}
    >
      <div className="page-switch__workspace" hidden={page !== 'sockets'}>
        {props.children}
      </div>
      {page === 'netlab' && (
        <Suspense fallback={<Loading />}>
          <NetworkLab />
        </Suspense>
      )}
    </main>
  );
}
