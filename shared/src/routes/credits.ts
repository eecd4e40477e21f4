import { defineRoute } from '../route-table.ts';
import { applicantIdParamsSchema } from '../schemas/applicants.ts';
import {
  creditLedgerSchema,
  creditsQuerySchema,
  form5884CsvSchema,
  payrollImportResultSchema,
  terminationBodySchema,
  terminationSchema,
} from '../schemas/credits.ts';
import { csvImportQuerySchema } from '../schemas/csv-import.ts';
import { creditEndpoints } from './credits-endpoints.ts';

/** Payroll and credits (docs/credits.md §8): money, so admins only. */
export const creditRoutes = {
  importPayroll: defineRoute({
    ...creditEndpoints.importPayroll,
    summary:
      'Upload payroll as CSV (text/csv; header employee,period_start,period_end,hours,wages; employee = Lever opportunity id or email): all or nothing, the same periods again replace them; dryRun=true writes nothing',
    access: 'admin',
    tags: ['credits'],
    // The body is a text/csv stream (lib/csv-import), not a schema: see docs/csv-imports.md.
    query: csvImportQuerySchema,
    response: payrollImportResultSchema,
  }),
  ledger: defineRoute({
    ...creditEndpoints.ledger,
    summary:
      'The credit ledger of a tax year: one line per certified hire, and the Form 5884 totals',
    access: 'admin',
    tags: ['credits'],
    query: creditsQuerySchema,
    response: creditLedgerSchema,
  }),
  form5884: defineRoute({
    ...creditEndpoints.form5884,
    summary: 'Download the Form 5884 totals of a tax year as CSV (lines 1a, 1b, 1c and 2)',
    access: 'admin',
    tags: ['credits'],
    query: creditsQuerySchema,
    response: form5884CsvSchema,
  }),
  setTermination: defineRoute({
    ...creditEndpoints.setTermination,
    summary: "Record (or clear) a hire's last day of work: it ends the credit projection",
    access: 'admin',
    tags: ['credits'],
    params: applicantIdParamsSchema,
    body: terminationBodySchema,
    response: terminationSchema,
  }),
};
