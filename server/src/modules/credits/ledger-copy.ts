import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { PROGRAM_RULES } from '@eligo/shared/credits';
import type { CreditLedger } from '@eligo/shared/schemas/credits';
import { revisions } from '../../lib/db/index.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { ledgerCopyModel } from './ledger-copy.model.ts';

/**
 * The ledger is derived on every read from the hires, the payroll and the program's dates
 * (docs/credits.md §10); computing it reads every pay period of the organization (seconds at
 * 100,000). So the last result of each tax year is kept, under the key of all it was computed
 * from, and served while that key is current:
 * - the organization's revisions of hires (start dates, certifications) and of payroll (periods,
 *   terminations), read *before* computing: a write that lands during the computation makes the
 *   copy's key old at once;
 * - the rules: `WOTC_AUTHORIZED_THROUGH`, the fiscal year's first month, the rule table's content
 *   and `LEDGER_FORMAT` (raise it when the computation's code changes).
 * A copy is never served after `MAX_AGE_MS`, whatever its key: a write whose revision was lost
 * (a crash between the write and its count) is seen within that time.
 */
const LEDGER_FORMAT = 1;
const MAX_AGE_MS = 60 * 60 * 1000;
/** Larger ledgers are computed on every read rather than stored (a document holds 16 MB). */
const MAX_COPY_CHARS = 8 * 1024 * 1024;

const RULES = createHash('sha256').update(JSON.stringify(PROGRAM_RULES)).digest('hex').slice(0, 16);

export interface LedgerBasis {
  taxYear: number;
  taxYearStartMonth: number;
  authorizedThrough: string;
}

/** The tax year's ledger: the stored copy when its key is current, else `compute()`, then kept. */
export async function throughCopy(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  basis: LedgerBasis,
  compute: () => Promise<CreditLedger>,
): Promise<CreditLedger> {
  const counts = await revisions(app.mongo).read(['hires', 'payroll'], organizationId);
  const key = [
    LEDGER_FORMAT,
    RULES,
    basis.authorizedThrough,
    basis.taxYearStartMonth,
    counts.hires,
    counts.payroll,
  ].join('|');
  const Copies = scoped(ledgerCopyModel(app.mongo), organizationId);
  const _id = `${organizationId.toHexString()}:${basis.taxYear}`;
  const copy = await Copies.find(
    { _id, key, computedAt: { $gt: new Date(Date.now() - MAX_AGE_MS) } },
    { ledger: 1 },
  )
    .limit(1)
    .lean<Array<{ ledger: string }>>()
    .then((rows) => rows[0]);
  if (copy) return JSON.parse(copy.ledger) as CreditLedger;

  const ledger = await compute();
  const json = JSON.stringify(ledger);
  if (json.length <= MAX_COPY_CHARS) {
    // Keeping it only saves the next read's work: a failure (two first copies racing) loses nothing.
    await ledgerCopyModel(app.mongo)
      .updateOne(
        { _id, organizationId },
        { $set: { key, ledger: json, computedAt: new Date() } },
        { upsert: true },
      )
      .catch((error: unknown) => app.log.warn({ err: error }, 'the ledger copy was not stored'));
  }
  return ledger;
}
