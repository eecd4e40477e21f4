import type { RouteDef, RouteQuery, RouteRef, RouteResponse } from '@eligo/shared/route-table';
import { send } from './client.ts';

/**
 * Uploads a file as a route's whole body (a CSV import: `Content-Type: text/csv`, docs/csv-imports.md)
 * and resolves with the route's typed JSON answer. Errors are the same ApiError as `call()`; a
 * refused CSV lists its rows' errors in `details` (line and column) and the count in
 * `totalDetails`.
 */
export async function uploadFile<D extends RouteDef>(
  def: D | RouteRef<D>,
  file: Blob,
  query?: RouteQuery<D>,
  contentType = 'text/csv',
): Promise<RouteResponse<D>> {
  const response = await send(def, {
    query: query as Record<string, unknown> | undefined,
    raw: { contentType, data: file },
  });
  return (await response.json()) as RouteResponse<D>;
}
