import type { FastifyInstance } from 'fastify';

const registry = new WeakMap<object, Map<string, unknown>>();

/**
 * One value per application instance, whichever of its encapsulated contexts asks (the jobs
 * module and the routes see different `FastifyInstance` objects of the same app). Keyed by the
 * app's database connection, which every context shares; tests that build several apps in one
 * process get one value each.
 */
export function perApp<T>(app: FastifyInstance, name: string, create: () => T): T {
  let values = registry.get(app.mongo);
  if (!values) {
    values = new Map();
    registry.set(app.mongo, values);
  }
  if (!values.has(name)) values.set(name, create());
  return values.get(name) as T;
}

/** A per-instance map whose entries expire after `ttlMs` (cleared whole when it grows too big). */
export interface TtlCache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  delete(key: string): void;
}

/**
 * One short-lived cache per application instance (see perApp): for copies of data another
 * instance may change meanwhile, where a few seconds or minutes of staleness is safe.
 */
export function perAppTtlCache<T>(
  app: FastifyInstance,
  name: string,
  ttlMs: number,
  maxEntries = 10_000,
): TtlCache<T> {
  return perApp(app, name, () => {
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
  });
}
