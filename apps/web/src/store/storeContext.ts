import { type Context, createContext, useContext } from 'react';
import { type StoreApi, useStore } from 'zustand';

/**
 * One state pattern for the page: each store is made by a factory (main.tsx makes the page's, each
 * test its own) and reached through a React context of its own, never through module state.
 */
export type StoreContext<S> = Context<StoreApi<S> | null>;

export function storeContext<S>(name: string): StoreContext<S> {
  const context = createContext<StoreApi<S> | null>(null);
  context.displayName = name;
  return context;
}

/** The store itself, for handlers that read the newest state or change it. */
export function useStoreApi<S>(context: StoreContext<S>): StoreApi<S> {
  const store = useContext(context);
  if (!store) throw new Error(`The ${context.displayName} store has no provider above this component`);
  return store;
}

/** A slice of the state; the component re-renders when it changes. */
export function useStoreState<S, T>(context: StoreContext<S>, selector: (state: S) => T): T {
  return useStore(useStoreApi(context), selector);
}
