import {
  buildPath,
  type RouteBody,
  type RouteDef,
  type RouteParams,
  type RouteQuery,
  type RouteRef,
  type RouteResponse,
} from '@eligo/shared/route-table';
import { isErrorBody, type ErrorCode, type ErrorDetail } from '@eligo/shared/errors';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@eligo/shared/http';

/** The API's codes, plus the two the client gives itself: no answer at all, or one it cannot read. */
export type ApiErrorCode = ErrorCode | 'NETWORK' | 'UNKNOWN';

/** An API failure as the UI needs it: status, stable code, a message to show, and field details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** How many details there were in all, when the API listed only the first of them. */
    readonly totalDetails: number = details.length,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Input<D> = (RouteParams<D> extends undefined
  ? { params?: undefined }
  : { params: RouteParams<D> }) &
  (RouteQuery<D> extends undefined ? { query?: undefined } : { query?: RouteQuery<D> }) &
  (RouteBody<D> extends undefined ? { body?: undefined } : { body: RouteBody<D> });

type UnauthenticatedListener = () => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** The one place that learns about 401s (the session store subscribes and sends people to login). */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function toQueryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A body sent as it is (a file upload) rather than as JSON. */
export interface RawBody {
  contentType: string;
  data: Blob | string;
}

/**
 * Sends one route's request and resolves with the successful `Response` (for `call`, or a file
 * download or upload); a failure becomes an ApiError with the API's code, message and field
 * details. `body` is sent as JSON, `raw` as it is.
 */
export async function send<D extends RouteDef>(
  def: D | RouteRef<D>,
  input: {
    params?: Record<string, string>;
    query?: Record<string, unknown>;
    body?: unknown;
    raw?: RawBody;
  } = {},
  accept = 'application/json',
): Promise<Response> {
  const { params, query, body, raw } = input;
  const url = buildPath(def.path, params) + toQueryString(query);
  const headers: Record<string, string> = { accept, [CSRF_HEADER]: CSRF_HEADER_VALUE };
  if (raw) headers['content-type'] = raw.contentType;
  else if (body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(url, {
      method: def.method,
      headers,
      credentials: 'same-origin',
      body: raw ? raw.data : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Cannot reach Eligo. Check your connection and try again.');
  }
  if (response.ok) return response;

  const payload: unknown = await response.json().catch(() => undefined);
  if (response.status === 401) unauthenticatedListeners.forEach((listener) => listener());
  if (isErrorBody(payload)) {
    const details = payload.details ?? [];
    throw new ApiError(
      response.status,
      payload.code,
      payload.message,
      details,
      payload.totalDetails ?? details.length,
    );
  }
  throw new ApiError(
    response.status,
    'UNKNOWN',
    `Unexpected answer from the server (${response.status})`,
  );
}

/**
 * Calls one route of the shared route table (its definition, or a `RouteRef` where the bundle must
 * stay small); resolves with its typed response or throws ApiError.
 */
export async function call<D extends RouteDef>(
  def: D | RouteRef<D>,
  ...[input]: keyof Input<D> extends never ? [] : [Input<D>?]
): Promise<RouteResponse<D>> {
  const response = await send(def, (input ?? {}) as Parameters<typeof send>[1]);
  if (response.status === 204) return undefined as RouteResponse<D>;
  return (await response.json().catch(() => undefined)) as RouteResponse<D>;
}
