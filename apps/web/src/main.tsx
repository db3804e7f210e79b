import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index.ts';
import './app/theme.css';
import './app/shell.css';
import './features/sockets/sockets.css';
import './features/log/log.css';
import './features/inspector/inspector.css';
import { App } from './app/App.tsx';
import { BridgeClient, bridgeUrl } from './bridge/client.ts';
import { PlaygroundProvider } from './bridge/context.tsx';
import { storeHandlers } from './bridge/handlers.ts';
import { createPlaygroundStore } from './bridge/store.ts';
import { fetchToken } from './bridge/token.ts';

const store = createPlaygroundStore();
const bridge = new BridgeClient({
  url: bridgeUrl(window.location),
  token: () => fetchToken(window.location),
  handlers: storeHandlers(store),
});
bridge.start();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <PlaygroundProvider store={store} bridge={bridge}>
      <App />
    </PlaygroundProvider>
  </StrictMode>,
);
