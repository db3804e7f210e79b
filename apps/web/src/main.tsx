// First: it must run before any schema parses (see there).
import '@playground/protocol/no-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index.ts';
import './app/theme.css';
import './app/shell.css';
import { createPageStores, PageStoresProvider } from './app/PageStores.tsx';
import { browserEnvironment, createPageServices } from './app/page.ts';
import { Root } from './app/Root.tsx';
import { BridgeClient, bridgeUrl } from './bridge/client.ts';
import { PlaygroundProvider } from './bridge/context.tsx';
import { PageProvider } from './page/PageContext.tsx';
import { createPlaygroundStore } from './store/store.ts';

const store = createPlaygroundStore();
const stores = createPageStores();
// Who this page is (local, student, teacher), resuming, the recording for export, the classroom.
const page = createPageServices(store, stores, browserEnvironment());
const bridge = new BridgeClient({
  url: bridgeUrl(window.location),
  token: () => page.access.token(),
  handlers: page.handlers,
  resume: page.resume,
});
bridge.start();
window.addEventListener('pagehide', () => page.leaving());

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <PlaygroundProvider store={store} bridge={bridge}>
      <PageProvider page={page}>
        <PageStoresProvider stores={stores}>
          <Root />
        </PageStoresProvider>
      </PageProvider>
    </PlaygroundProvider>
  </StrictMode>,
);
