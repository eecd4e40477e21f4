import type { RouteBody, RouteDef, RouteQuery, RouteRef } from '@eligo/shared/route-table';
import { send } from './client.ts';

/**
 * Calls a route that answers a file (the CSV export, a state packet's ZIP) and saves it in the browser under the
 * name the server gives (`Content-Disposition`). Errors are the same ApiError as `call()`.
 */
export async function downloadFile<D extends RouteDef>(
  def: D | RouteRef<D>,
  body: RouteBody<D>,
  fallbackName: string,
  accept = 'text/csv, application/json',
  query?: RouteQuery<D>,
): Promise<string> {
  const response = await send(
    def,
    { body, query: query as Record<string, unknown> | undefined },
    accept,
  );
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
