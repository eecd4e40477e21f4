import { defineStore } from 'pinia';
import { ref } from 'vue';
import { creditRefs } from '@eligo/shared/routes/credits-endpoints';
import type { CreditLedger, PayrollImportResult } from '@eligo/shared/schemas/credits';
import { call } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';
import { uploadFile } from '../../api/upload.ts';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The Credits screen's data (docs/credits.md §8): one tax year's ledger, payroll, the 5884 CSV. */
export const useCreditsStore = defineStore('credits', () => {
  const ledger = ref<CreditLedger | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  /** The tax year shown (or being loaded); `undefined`: the server's current one. */
  const taxYear = ref<number | undefined>(undefined);
  let latest = 0;

  /** One tax year; an answer to an older request (the person moved on) is dropped. */
  async function load(year?: number): Promise<void> {
    const request = ++latest;
    taxYear.value = year;
    loading.value = true;
    error.value = null;
    try {
      const result = await call(creditRefs.ledger, {
        query: year === undefined ? {} : { taxYear: year },
      });
      if (request === latest) {
        ledger.value = result;
        taxYear.value = result.taxYear;
      }
    } catch (e) {
      if (request === latest) {
        ledger.value = null;
        error.value = message(e);
      }
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  async function importPayroll(file: Blob, dryRun: boolean): Promise<PayrollImportResult> {
    return uploadFile(creditRefs.importPayroll, file, { dryRun });
  }

  /** Records (or clears) a hire's last day, then shows the year again with it. */
  async function setTermination(applicantId: string, terminatedOn: string | null): Promise<void> {
    await call(creditRefs.setTermination, { params: { applicantId }, body: { terminatedOn } });
    await load(taxYear.value);
  }

  function downloadForm5884(year: number): Promise<string> {
    return downloadFile(creditRefs.form5884, undefined, `form-5884-${year}.csv`, undefined, {
      taxYear: year,
    });
  }

  return { ledger, loading, error, taxYear, load, importPayroll, setTermination, downloadForm5884 };
});
