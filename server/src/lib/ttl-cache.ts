/** A map whose entries expire after a fixed time (see ttlCache). */
export interface TtlCache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  delete(key: string): void;
}

/**
 * A short-lived cache in this process's memory, for copies of data another instance may change
 * meanwhile where a few seconds or minutes of staleness is safe (never for shared state: that lives
 * in the database). Entries expire `ttlMs` after they are set; past `maxEntries` the whole cache is
 * cleared rather than tracking which entry is oldest.
 */
export function ttlCache<T>(ttlMs: number, maxEntries = 10_000): TtlCache<T> {
  const entries = new Map<string, { value: T; until: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      return entry && entry.until > Date.now() ? entry.value : undefined;
    },
    set(key, value) {
      if (entries.size >= maxEntries) entries.clear();
      entries.set(key, { value, until: Date.now() + ttlMs });
    },
    delete: (key) => void entries.delete(key),
  };
}
