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
