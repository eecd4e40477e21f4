import { defineStore } from 'pinia';
import { ref } from 'vue';
import { filingRefs, hireRefs } from '@eligo/shared/routes/filing-endpoints';
import type { EmployerState } from '@eligo/shared/filing';
import type { FilingList, FilingSummary } from '@eligo/shared/schemas/filing';
import type { HiresImportResult } from '@eligo/shared/schemas/hires';
import { call } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';
import { uploadFile } from '../../api/upload.ts';
import type { FilingQuery } from './filing-query.ts';

export const FILING_PAGE_SIZE = 25;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The Filing screen's data (docs/filing.md §4): the count of each bucket with the employer
 * profile's gaps, one page of hires, the hires CSV import, signing for the employer and the state
 * packet (admins).
 */
export const useFilingStore = defineStore('filing', () => {
  const summary = ref<FilingSummary | null>(null);
  const summaryError = ref<string | null>(null);
  const list = ref<FilingList | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  /** The query of the page shown (or being loaded), to load it again after an import. */
  const shown = ref<FilingQuery>({});
  let latest = 0;

  async function loadSummary(): Promise<void> {
    summaryError.value = null;
    try {
      summary.value = await call(filingRefs.summary);
    } catch (e) {
      summaryError.value = message(e);
    }
  }

  /** One page; an answer to an older request (the person clicked on) is dropped. */
  async function loadList(query: FilingQuery): Promise<void> {
    const request = ++latest;
    shown.value = query;
    loading.value = true;
    error.value = null;
    try {
      const result = await call(filingRefs.list, {
        query: { ...query, limit: FILING_PAGE_SIZE },
      });
      if (request === latest) list.value = result;
    } catch (e) {
      if (request === latest) {
        list.value = null;
        error.value = message(e);
      }
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  function reload(): Promise<unknown> {
    return Promise.all([loadSummary(), loadList(shown.value)]);
  }

  /**
   * Uploads a hires CSV. A dry run only reports what would change; a real import then shows the
   * new counts and list. A file with errors throws an ApiError listing them by line and column.
   */
  async function importHires(file: Blob, dryRun: boolean): Promise<HiresImportResult> {
    const result = await uploadFile(hireRefs.importCsv, file, { dryRun });
    if (!dryRun) await reload();
    return result;
  }

  /** Signs for the employer (Form 8850 page 2, ETA 9061) for the hires chosen; then reloads. */
  async function sign(
    applicantIds: string[],
    input: { fullName: string; title: string; consentVersion: string },
  ): Promise<void> {
    await call(filingRefs.sign, { body: { applicantIds, ...input, agreed: true } });
    await reload();
  }

  /**
   * Downloads the state packet (ZIP) of the hires chosen, or of every hire ready to file in one
   * state ("all ready in Texas", across pages); the server names the file.
   */
  function downloadPacket(selection: { applicantIds: string[] } | { allReadyIn: EmployerState }) {
    return downloadFile(
      filingRefs.packet,
      selection,
      'wotc-packet.zip',
      'application/zip, application/json',
    );
  }

  return {
    summary,
    summaryError,
    list,
    loading,
    error,
    loadSummary,
    loadList,
    reload,
    importHires,
    sign,
    downloadPacket,
  };
});
