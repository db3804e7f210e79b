import { PROTOCOL_VERSION, type ReplyResult, type SocketEvent, type Welcome } from '@playground/protocol';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { createPageStores, type PageStores, PageStoresProvider } from '../../src/app/PageStores.tsx';
import type { BridgeApi, CommandBody } from '../../src/bridge/client.ts';
import { PlaygroundProvider } from '../../src/bridge/context.tsx';
import { createPlaygroundStore, type PlaygroundStore } from '../../src/store/store.ts';
import { batch } from './wire.ts';

export const welcome: Welcome = {
  type: 'welcome',
  protocolVersion: PROTOCOL_VERSION,
  sessionId: 'test-session',
  limits: {
    maxSockets: 200,
    maxServers: 20,
    maxMessageBytes: 262144,
    previewBytes: 4096,
    minPort: 1024,
    maxPort: 65535,
  },
  targetPolicy: 'loopback only',
};

/**
 * A connected store, the page's feature stores (fresh unless given) and a fake bridge whose `send`
 * records commands and answers `reply`.
 */
export function renderWithPlayground(
  ui: ReactElement,
  options: {
    store?: PlaygroundStore;
    stores?: PageStores;
    reply?: (command: CommandBody) => Promise<ReplyResult>;
  } = {},
) {
  const store = options.store ?? connectedStore();
  const stores = options.stores ?? createPageStores();
  const send = vi.fn(options.reply ?? (async () => ({})));
  const bridge: BridgeApi = { send, reconnectNow: vi.fn() };
  const view = render(
    <PlaygroundProvider store={store} bridge={bridge}>
      <PageStoresProvider stores={stores}>{ui}</PageStoresProvider>
    </PlaygroundProvider>,
  );
  return { ...view, store, stores, send };
}

export function connectedStore(): PlaygroundStore {
  const store = createPlaygroundStore();
  store.getState().receiveWelcome(welcome);
  return store;
}

/** A connected store that has received `events` in one batch, the way the bridge delivers them. */
export function storeWith(events: SocketEvent[]): PlaygroundStore {
  const store = connectedStore();
  store.getState().receiveBatches([batch(events)]);
  return store;
}
