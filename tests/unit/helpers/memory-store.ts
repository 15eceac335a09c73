import type { SyncStore } from '../../../lib/core/edit-log';

/** An in-memory Web Storage (the panel's localStorage), its entries open to the test. */
export function memoryStore(): SyncStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}
