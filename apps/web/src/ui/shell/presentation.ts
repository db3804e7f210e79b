import { useSyncExternalStore } from 'react';

/**
 * Presentation mode: type readable from the back of a room, the log and the inspector first,
 * less chrome. Turned on from the header or with `?present=1` (`?present=0` turns it off); the
 * browser remembers it. The page's root element carries `data-present` for the styles.
 */
const STORAGE_KEY = 'socket-playground.present';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The URL's word wins over what was remembered, and is remembered in turn. */
export function initialPresentation(search: string, stored: string | null): boolean {
  const asked = new URLSearchParams(search).get('present');
  if (asked === '1' || asked === 'true') return true;
  if (asked === '0' || asked === 'false') return false;
  return stored === '1';
}

function createPresentation(storage: Storage | null, search: string) {
  let present = initialPresentation(search, safeGet(storage));
  const listeners = new Set<() => void>();
  const remember = () => {
    try {
      storage?.setItem(STORAGE_KEY, present ? '1' : '0');
    } catch {
      // Storage full or disabled: the mode lasts for this page only.
    }
  };
  if (new URLSearchParams(search).has('present')) remember();
  const apply = () => {
    if (typeof document === 'undefined') return;
    if (present) document.documentElement.dataset.present = '';
    else delete document.documentElement.dataset.present;
  };
  apply();
  return {
    get: () => present,
    set(next: boolean) {
      if (next === present) return;
      present = next;
      remember();
      apply();
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function safeGet(storage: Storage | null): string | null {
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export const presentation = createPresentation(
  browserStorage(),
  typeof window === 'undefined' ? '' : window.location.search,
);

export function usePresentation(): boolean {
  return useSyncExternalStore(presentation.subscribe, presentation.get, presentation.get);
}
