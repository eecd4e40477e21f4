import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import {
  EMPLOYER_STATE_CODES,
  FILING_BUCKETS,
  type EmployerState,
  type FilingBucket,
} from '@eligo/shared/filing';

/**
 * The Filing screen's place lives in the URL (shareable; the back button steps back through
 * buckets and pages): the bucket shown (all hires when none), the state of employment (all when
 * none: "ready in Texas" is `?bucket=ready&state=TX`) and the page's cursor.
 */
export interface FilingQuery {
  bucket?: FilingBucket;
  state?: EmployerState;
  cursor?: string;
}

function one(value: LocationQuery[string]): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

/** Unknown buckets are dropped (all hires are shown), not sent. */
export function parseFilingQuery(query: LocationQuery): FilingQuery {
  const bucket = one(query.bucket);
  const cursor = one(query.cursor);
  const state = one(query.state);
  return {
    ...((FILING_BUCKETS as readonly string[]).includes(bucket ?? '')
      ? { bucket: bucket as FilingBucket }
      : {}),
    ...((EMPLOYER_STATE_CODES as readonly string[]).includes(state ?? '')
      ? { state: state as EmployerState }
      : {}),
    ...(cursor ? { cursor } : {}),
  };
}

export function filingRouteQuery(query: FilingQuery): LocationQueryRaw {
  return {
    ...(query.bucket ? { bucket: query.bucket } : {}),
    ...(query.state ? { state: query.state } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}
