import { SkipLink } from '../ui/shell/SkipLink.tsx';
import { Alerts } from './Alerts.tsx';
import { Banners } from './Banners.tsx';
import { Header } from './Header.tsx';
import { PageSwitch } from './PageSwitch.tsx';
import { Workspace } from './Workspace.tsx';

export function App() {
  return (
    <div className="app">
      <SkipLink target="work" />
      <Header />
      <Banners />
      <PageSwitch>
        <Workspace />
      </PageSwitch>
      <Alerts />
    </div>
  );
}
