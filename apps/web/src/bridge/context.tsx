import { createContext, type ReactNode, useContext } from 'react';
import type { PlaygroundState, PlaygroundStore } from '../store/store.ts';
import { storeContext, useStoreApi, useStoreState } from '../store/storeContext.ts';
import type { BridgeApi } from './client.ts';

const StoreContext = storeContext<PlaygroundState>('playground');
const BridgeContext = createContext<BridgeApi | null>(null);

/** The React boundary: components reach the store and the bridge only through here, so tests inject both. */
export function PlaygroundProvider(props: { store: PlaygroundStore; bridge: BridgeApi; children: ReactNode }) {
  return (
    <StoreContext.Provider value={props.store}>
      <BridgeContext.Provider value={props.bridge}>{props.children}</BridgeContext.Provider>
    </StoreContext.Provider>
  );
}

export function usePlayground<T>(selector: (state: PlaygroundState) => T): T {
  return useStoreState(StoreContext, selector);
}

/** The store itself, for code that must read the newest state after awaiting (e.g. a scripted demo). */
export function usePlaygroundStore(): PlaygroundStore {
  return useStoreApi(StoreContext);
}

export function useBridge(): BridgeApi {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge needs a PlaygroundProvider');
  return bridge;
}
