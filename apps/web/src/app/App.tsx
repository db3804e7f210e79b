import { useTranslation } from 'react-i18next';
import { ClientForm } from '../features/clients/ClientForm.tsx';
import { Inspector } from '../features/inspector/Inspector.tsx';
import { EventLog } from '../features/log/EventLog.tsx';
import { ServerForm } from '../features/servers/ServerForm.tsx';
import { SocketList } from '../features/sockets/SocketList.tsx';
import { Alerts } from './Alerts.tsx';
import { Banners } from './Banners.tsx';
import { Header } from './Header.tsx';

export function App() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <Header />
      <Banners />
      <main className="workspace">
        <aside className="workspace__forms" aria-label={t('app.regions.create')}>
          <ServerForm />
          <ClientForm />
        </aside>
        <div className="workspace__sockets">
          <SocketList />
        </div>
        <div className="workspace__log">
          <EventLog />
        </div>
        <div className="workspace__inspector">
          <Inspector />
        </div>
      </main>
      <Alerts />
    </div>
  );
}
