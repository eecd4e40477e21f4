import type { Types } from 'mongoose';
import { type mongo } from 'mongoose';
import { HIRE_FIELDS, NOT_SUBMITTED } from '@eligo/shared/filing';
import type { FilingStatus } from '@eligo/shared/schemas/filing-status';
import { addDays } from '@eligo/shared/wotc/dates';
import { filingFactsOf } from '@eligo/server/modules/applicants/hires/filing-facts';
import type { StoredHire } from '@eligo/server/modules/applicants/hires/hire.model';
import { applicantDoc } from './applicant-fill.ts';

/**
 * Applicants for the Filing benchmark (filing-summary.bench.ts): the dashboard bench's made-up
 * applicants, every `hireEvery`-th of them hired, with hires spread around `today` the way a
 * busy account has them: 15 % waiting for a start date, 30 % filed, the rest open with deadlines
 * from a month past to a month ahead, half of those with every signature, 3 % screened after the
 * offer. The filing facts are computed by the server's own `filingFactsOf`.
 */

function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (random: () => number, low: number, high: number) =>
  low + Math.floor(random() * (high - low + 1));

function hiredDoc(
  base: ReturnType<typeof applicantDoc>,
  n: number,
  today: string,
  timeZone: string,
) {
  const random = prng(n * 104_729 + 17);
  const kind = random();
  const startedOn =
    kind < 0.15
      ? null
      : kind < 0.45
        ? addDays(today, -between(random, 30, 365))
        : addDays(today, -between(random, 0, 60));
  const anticipatedStartOn = startedOn ?? addDays(today, between(random, 0, 30));
  const offeredOn = addDays(anticipatedStartOn, -between(random, 7, 21));
  const hiredOn = addDays(offeredOn, between(random, 0, 5));
  const screenedLate = random() < 0.03;
  const signedAt = new Date(`${addDays(offeredOn, screenedLate ? 1 : -2)}T16:00:00Z`);
  const complete = random() < 0.5;
  const values = {
    offeredOn,
    hiredOn,
    anticipatedStartOn,
    startedOn,
    position: complete ? base.postingTitle : null,
    startingWage: complete ? 16.5 : null,
    employedInState: 'IL' as const,
  };
  const hire: StoredHire = {
    ...values,
    source: 'lever_webhook',
    provenance: Object.fromEntries(
      HIRE_FIELDS.map((field) => [field, values[field] === null ? null : 'lever_webhook']),
    ) as StoredHire['provenance'],
    version: 1,
    recordedAt: new Date(`${hiredOn}T18:00:00Z`),
    updatedAt: new Date(`${hiredOn}T18:00:00Z`),
    lastChange: null,
  };
  const status: FilingStatus =
    kind >= 0.15 && kind < 0.45
      ? {
          state: 'submitted',
          submission: {
            on: addDays(startedOn!, 10),
            method: 'portal',
            reference: null,
            late: false,
          },
          determination: null,
        }
      : NOT_SUBMITTED;
  const doc = {
    ...base,
    survey: { ...base.survey, status: 'submitted' as const, submittedAt: signedAt },
    wotcStatus: random() < 0.05 ? 'not_qualified' : 'pre_qualified',
    hire,
    filing: {
      status,
      employerSignature: complete ? { signedAt, signedBy: 'Pat Doe' } : null,
    },
  };
  const facts = filingFactsOf(doc as never, timeZone)!;
  return { ...doc, filing: { ...doc.filing, ...facts } };
}

/** Inserts applicants `0..size-1` of the organization, every `hireEvery`-th hired, in batches. */
export async function fillHires(
  collection: mongo.Collection,
  organizationId: Types.ObjectId,
  {
    size,
    hireEvery,
    today,
    timeZone,
  }: { size: number; hireEvery: number; today: string; timeZone: string },
): Promise<void> {
  const now = Date.parse(`${today}T12:00:00Z`);
  for (let start = 0; start < size; start += 1000) {
    const docs = [];
    for (let n = start; n < Math.min(size, start + 1000); n++) {
      const base = applicantDoc(organizationId, n, now);
      docs.push(
        n % hireEvery === 0
          ? hiredDoc(base, n, today, timeZone)
          : { ...base, hire: null, filing: null },
      );
    }
    await collection.insertMany(docs as never[], { ordered: false });
  }
}
