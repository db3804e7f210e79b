import { useTranslation } from 'react-i18next';
import { ClientForm } from '../features/clients/ClientForm.tsx';
import { Inspector } from '../features/inspector/Inspector.tsx';
import { ChunkDemos } from '../features/lab/ChunkDemos.tsx';
import { PageSwitch } from '../features/netlab/PageTabs.tsx';
import { ServerForm } from '../features/servers/ServerForm.tsx';
import { SocketList } from '../features/sockets/SocketList.tsx';
import { ViewTabs } from '../features/views/ViewTabs.tsx';
import { Alerts } from './Alerts.tsx';
import { Banners } from './Banners.tsx';
import { Header } from './Header.tsx';
import { SideTabs } from './SideTabs.tsx';

export function App() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <Header />
      <Banners />
      <PageSwitch>
        <main className="workspace">
          <aside className="workspace__forms" aria-label={t('app.regions.create')}>
            <SideTabs>
              <ServerForm />
              <ClientForm />
              <ChunkDemos />
            </SideTabs>
          </aside>
          <div className="workspace__sockets">
            <SocketList />
          </div>
          <div className="workspace__log">
            <ViewTabs />
          </div>
          <div className="workspace__inspector">
            <Inspector />
          </div>
        </main>
      </PageSwitch>
      <Alerts />
    </div>
  );
}
