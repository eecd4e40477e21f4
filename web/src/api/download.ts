import { buildPath, type RouteBody, type RouteDef } from '@eligo/shared/route-table';
import { isErrorBody } from '@eligo/shared/errors';
import { ApiError } from './client.ts';

/**
 * Calls a route that answers a file (e.g. the CSV export) and saves it in the browser under the
 * name the server gives (`Content-Disposition`). Errors are the same ApiError as `call()`.
 */
export async function downloadFile<D extends RouteDef>(
  def: D,
  body: RouteBody<D>,
  fallbackName: string,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(buildPath(def.path), {
      method: def.method,
      headers: { 'content-type': 'application/json', 'x-requested-with': 'eligo' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Cannot reach Eligo. Check your connection and try again.');
  }
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => undefined);
    if (isErrorBody(payload)) {
      throw new ApiError(response.status, payload.code, payload.message, payload.details ?? []);
    }
    throw new ApiError(
      response.status,
      'UNKNOWN',
      `Unexpected answer from the server (${response.status})`,
    );
  }
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
