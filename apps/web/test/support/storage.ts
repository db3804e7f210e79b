import type { Storages } from '../../src/features/join/model/access.ts';

/** A Storage in memory; `data` shows what the page kept. */
export function memoryStorage(entries: [string, string][] = []): Storages['local'] & { data: Map<string, string> } {
  const data = new Map<string, string>(entries);
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}
