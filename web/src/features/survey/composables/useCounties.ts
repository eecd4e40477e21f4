import { reactive } from 'vue';
import { countyRefs } from '@eligo/shared/routes/survey-endpoints';
import type { CountyEntry } from '@eligo/shared/schemas/counties';
import { isUspsStateCode } from '@eligo/shared/wotc';
import { call } from '../../../api/client.ts';

export type CountyList =
  { status: 'loading' } | { status: 'ready'; counties: CountyEntry[] } | { status: 'failed' };

/** Lists fetched so far on this page, by state (each one small: the survey loads only its state). */
const lists = reactive(new Map<string, CountyList>());

/**
 * The county picker's data: one state's counties, fetched from `GET /api/counties` the first time
 * they are needed and kept for the page's life. A failed load can be tried again.
 */
export function useCounties() {
  function load(state: string): void {
    const current = lists.get(state);
    if (!isUspsStateCode(state) || (current && current.status !== 'failed')) return;
    lists.set(state, { status: 'loading' });
    call(countyRefs.list, { query: { state } }).then(
      (list) => lists.set(state, { status: 'ready', counties: list.counties }),
      () => lists.set(state, { status: 'failed' }),
    );
  }

  function listOf(state: string): CountyList | undefined {
    return lists.get(state);
  }

  /** The county's name once its state's list is here. */
  function countyName(state: string, fips: string): string | undefined {
    const list = lists.get(state);
    return list?.status === 'ready' ? list.counties.find((c) => c.fips === fips)?.name : undefined;
  }

  return { load, listOf, countyName };
}
