import type { Static, TSchema } from 'typebox';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route. The server enforces it in one place from this value:
 * `public` needs nothing (the route does its own checks, e.g. a survey token or a webhook signature),
 * `user` needs a session, `admin` a session of an organization admin.
 */
export type RouteAccess = 'public' | 'user' | 'admin';

/** One API route: the server registers it, the web client calls it; both from this definition. */
export interface RouteDef<
  P extends TSchema | undefined = TSchema | undefined,
  Q extends TSchema | undefined = TSchema | undefined,
  B extends TSchema | undefined = TSchema | undefined,
  R extends TSchema | undefined = TSchema | undefined,
> {
  method: HttpMethod;
  /** Fastify-style path with `:param` placeholders, always under `/api`. */
  path: `/api/${string}`;
  summary: string;
  access: RouteAccess;
  tags?: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** Schema of the success body; `undefined` means 204 No Content. */
  response: R;
  /** Status of a successful answer (default 200, or 204 without a response schema). */
  successStatus?: number;
}

export function defineRoute<
  P extends TSchema | undefined = undefined,
  Q extends TSchema | undefined = undefined,
  B extends TSchema | undefined = undefined,
  R extends TSchema | undefined = undefined,
>(def: RouteDef<P, Q, B, R>): RouteDef<P, Q, B, R> {
  return def;
}

declare const routeDefinition: unique symbol;

/**
 * A route known by its method and path only, typed by its full definition. A bundle that must stay
 * small (the public survey) calls routes through refs, so none of their TypeBox schemas (which are
 * built when their module loads) ends up in it.
 */
export interface RouteRef<D extends RouteDef = RouteDef> {
  method: D['method'];
  path: D['path'];
  /** Type only: never set. */
  readonly [routeDefinition]?: D;
}

/**
 * Refs for a route table, key by key: `routeRefs<typeof surveyRoutes>(surveyEndpoints)`, where the
 * table itself is built from the same `surveyEndpoints` (so method and path cannot disagree).
 */
export function routeRefs<T extends Record<string, RouteDef>>(endpoints: {
  [K in keyof T]: Pick<T[K], 'method' | 'path'>;
}): { [K in keyof T]: RouteRef<T[K]> } {
  return endpoints;
}

type StaticOr<S, Fallback> = S extends TSchema ? Static<S> : Fallback;

export type RouteParams<D> =
  D extends RouteDef<infer P, TSchema | undefined, TSchema | undefined, TSchema | undefined>
    ? StaticOr<P, undefined>
    : never;
export type RouteQuery<D> =
  D extends RouteDef<TSchema | undefined, infer Q, TSchema | undefined, TSchema | undefined>
    ? StaticOr<Q, undefined>
    : never;
export type RouteBody<D> =
  D extends RouteDef<TSchema | undefined, TSchema | undefined, infer B, TSchema | undefined>
    ? StaticOr<B, undefined>
    : never;
export type RouteResponse<D> =
  D extends RouteDef<TSchema | undefined, TSchema | undefined, TSchema | undefined, infer R>
    ? StaticOr<R, void>
    : never;

/** Replaces `:name` placeholders with URL-encoded values; throws when one is missing. */
export function buildPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(String(value));
  });
}
