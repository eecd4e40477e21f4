import { computed, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { applicantRefs as applicantRoutes } from '@eligo/shared/routes/applicant-endpoints';
import type { ApplicantList, ApplicantSummary } from '@eligo/shared/schemas/applicants';
import { call } from '../../api/client.ts';
import { filtersOf, parseDashboardQuery, toRouteQuery, type DashboardQuery } from './filters.ts';

export const PAGE_SIZE = 25;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The dashboard's data, driven by the URL: every change of filter, sort or page is a navigation,
 * so it can be shared and the back button steps back through it.
 */
export function useApplicantsDashboard() {
  const route = useRoute();
  const router = useRouter();
  const query = computed(() => parseDashboardQuery(route.query));

  const list = ref<ApplicantList | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const summary = ref<ApplicantSummary | null>(null);
  const summaryError = ref<string | null>(null);
  let latest = 0;

  async function loadList(): Promise<void> {
    const request = ++latest;
    loading.value = true;
    error.value = null;
    try {
      const result = await call(applicantRoutes.list, {
        query: { ...query.value, limit: PAGE_SIZE },
      });
      if (request === latest) list.value = result;
    } catch (e) {
      if (request === latest) error.value = message(e);
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  async function loadSummary(): Promise<void> {
    summaryError.value = null;
    try {
      summary.value = await call(applicantRoutes.summary);
    } catch (e) {
      summaryError.value = message(e);
    }
  }

  watch(
    () => (route.name === 'applicants' ? JSON.stringify(query.value) : null),
    (key) => {
      if (key !== null) void loadList();
    },
    { immediate: true },
  );
  void loadSummary();

  /** New filters (or sort): back to the first page. */
  function update(changes: Partial<DashboardQuery>): void {
    void router.push({
      name: 'applicants',
      query: toRouteQuery({ ...filtersOf(query.value), ...changes }),
    });
  }

  function nextPage(): void {
    const cursor = list.value?.nextCursor;
    if (cursor)
      void router.push({ name: 'applicants', query: toRouteQuery({ ...query.value, cursor }) });
  }

  function firstPage(): void {
    void router.push({ name: 'applicants', query: toRouteQuery(filtersOf(query.value)) });
  }

  function reload(): void {
    void loadList();
    void loadSummary();
  }

  return {
    query,
    list,
    loading,
    error,
    summary,
    summaryError,
    update,
    nextPage,
    firstPage,
    reload,
  };
}
