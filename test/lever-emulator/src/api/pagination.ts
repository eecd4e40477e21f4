import { badRequest } from './errors.ts';

/**
 * Lever's list paging: `limit` 1–100 (default 100), opaque `offset` = the previous `next`.
 * Tokens are URL-encoded JSON `[createdAt, id]` of the last item, like real fixtures show.
 */
export interface Page<T> {
  data: T[];
  hasNext: boolean;
  next?: string;
}

function decodeOffset(offset: string): [number, string] {
  for (const candidate of [offset, safeDecode(offset)]) {
    try {
      const parsed: unknown = JSON.parse(candidate);
      if (Array.isArray(parsed) && typeof parsed[0] === 'number' && typeof parsed[1] === 'string') {
        return [parsed[0], parsed[1]];
      }
    } catch {
      // try the next decoding
    }
  }
  throw badRequest(`Invalid offset: ${offset}`);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function paginate<T extends { id: string; createdAt: number }, R>(
  items: T[],
  query: { limit?: number; offset?: string },
  map: (item: T) => R,
): Page<R> {
  const sorted = [...items].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  let start = 0;
  if (query.offset !== undefined && query.offset !== '') {
    const [createdAt, id] = decodeOffset(query.offset);
    const index = sorted.findIndex((item) => item.id === id && item.createdAt === createdAt);
    if (index === -1) throw badRequest(`Invalid offset: ${query.offset}`);
    start = index + 1;
  }
  const limit = query.limit ?? 100;
  const slice = sorted.slice(start, start + limit);
  const hasNext = start + limit < sorted.length;
  const last = slice.at(-1);
  return {
    data: slice.map(map),
    hasNext,
    ...(hasNext && last
      ? { next: encodeURIComponent(JSON.stringify([last.createdAt, last.id])) }
      : {}),
  };
}
