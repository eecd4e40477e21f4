import { Types, type mongo } from 'mongoose';
import type { Applicant } from '@eligo/server/modules/applicants/applicant.model';
import { searchKeysFor, splitName } from '@eligo/server/modules/applicants/search-keys';

/**
 * Made-up applicants for the dashboard benchmark (dashboard-search.bench.ts) and its diagnosis
 * scripts: names with accents, hyphens and apostrophes, 40 postings, a year of application dates
 * and the survey/WOTC status mix of a real account. Deterministic: applicant `n` of an
 * organization is always the same document (but for its `_id` and dates relative to `now`).
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
const FIRST = (
  'José María Ana Anna Ann Mary-Ann Zoë Chloé Renée François Björn Liam Noah Olivia Emma ' +
  'Sophia Isabella Mia Lucas Mateo Sebastián Valentina Camila Diego Luis Carmen Rosa Jorge ' +
  'Andrés Lucía Sofía Daniel David James John Robert Michael William Elizabeth Jennifer Linda ' +
  'Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra Ashley Kimberly Emily ' +
  "Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie D'Andre Jean-Luc Thảo Nguyễn"
).split(' ');
const LAST = (
  'García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores ' +
  'Rivera Gómez Díaz Reyes Morales Cruz Ortiz Gutiérrez Chávez Ramos Ruiz Jiménez Mendoza ' +
  'Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Jackson ' +
  'Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott ' +
  "O'Brien O'Neil McDonald Núñez Peña Muñoz Ünal Østergaard Smith-Jones Lévesque Nguyen Tran " +
  'Kim Park Chen Wang Li Zhang Liu Singh Patel Kumar Khan Ali Ahmed Cohen Levi Schmidt Müller'
).split(' ');
const POSTINGS = Array.from({ length: 40 }, (_, i) => ({
  id: `posting-${i}`,
  title: `Posting ${i} ${['Cook', 'Driver', 'Cashier', 'Nurse', 'Warehouse Associate'][i % 5]}`,
}));

type SurveyState = Applicant['survey']['status'] | 'expired';
const SURVEY_MIX: Array<[SurveyState, number]> = [
  ['missing_email', 5],
  ['not_sent', 2],
  ['sent', 17],
  ['expired', 8],
  ['opened', 8],
  ['in_progress', 5],
  ['submitted', 48],
  ['declined', 7],
];
const DAY = 86_400_000;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function weighted<T>(random: () => number, mix: Array<[T, number]>): T {
  const total = mix.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, weight] of mix) {
    r -= weight;
    if (r < 0) return value;
  }
  return mix[mix.length - 1]![0];
}

export function applicantDoc(organizationId: Types.ObjectId, n: number, now: number) {
  const random = prng(n * 7919 + organizationId.getTimestamp().getTime());
  const name = `${pick(random, FIRST)} ${pick(random, LAST)}${random() < 0.15 ? ` ${pick(random, LAST)}` : ''}`;
  const survey = weighted(random, SURVEY_MIX);
  const email =
    survey === 'missing_email'
      ? null
      : `${name
          .toLowerCase()
          .normalize('NFKD')
          .replace(/[^a-z]+/g, '.')}${n}@example.com`;
  const appliedAt = new Date(now - Math.floor(random() * 365 * DAY));
  const sentAt = survey === 'missing_email' || survey === 'not_sent' ? null : appliedAt;
  const expiresAt = sentAt ? new Date(survey === 'expired' ? now - DAY : now + 20 * DAY) : null;
  const wotcStatus =
    survey === 'submitted'
      ? weighted(random, [
          ['pre_qualified', 30],
          ['not_qualified', 60],
          ['needs_review', 10],
        ] as Array<[string, number]>)
      : survey === 'declined'
        ? 'not_qualified'
        : 'pending';
  const posting = pick(random, POSTINGS);
  const tagState =
    wotcStatus === 'pre_qualified' || wotcStatus === 'not_qualified' ? 'synced' : 'none';
  return {
    _id: new Types.ObjectId(),
    organizationId,
    name,
    ...splitName(name),
    email: email ?? '',
    ...searchKeysFor(name, email),
    lever: {
      integrationId: 'bench',
      opportunityId: `opp-${organizationId.toHexString()}-${n}`,
      applicationId: null,
      contactId: null,
      postingId: posting.id,
    },
    postingTitle: posting.title,
    appliedAt,
    confidential: false,
    anonymized: false,
    reusedFrom: null,
    language: 'en',
    state: null,
    survey: {
      status: survey === 'expired' ? 'sent' : survey,
      tokenHash: null,
      tokenCiphertext: null,
      expiresAt,
      invitedAt: sentAt,
      sentAt,
      openedAt: null,
      lastSavedAt: null,
      submittedAt: null,
      declinedAt: null,
    },
    draft: null,
    eligibility: null,
    ssnLast4: null,
    wotcStatus,
    override: null,
    tagSync: {
      state: tagState,
      tag: null,
      syncedAt: null,
      reason: null,
      nextRetryAt: null,
      updatedAt: null,
    },
    // Counted, as the application stores its applicants (applicant-counts.ts); the counters
    // themselves are derived after the fill by the repair job (count-repair.ts).
    counted: { s: survey === 'expired' ? 'sent' : survey, w: wotcStatus, t: tagState },
    countPending: false,
    createdAt: appliedAt,
    updatedAt: appliedAt,
  };
}

/** Documents per insertMany: larger batches than a bulk import's 1,000, for a faster fill. */
const FILL_BATCH = 5_000;

/**
 * Inserts applicants `from`..`size - 1` of `organizationId` in batches of `FILL_BATCH`, straight
 * through the driver.
 */
export async function fillApplicants(
  collection: mongo.Collection,
  organizationId: Types.ObjectId,
  from: number,
  size: number,
): Promise<void> {
  const now = Date.now();
  for (let start = from; start < size; start += FILL_BATCH) {
    const docs = [];
    for (let n = start; n < Math.min(size, start + FILL_BATCH); n++)
      docs.push(applicantDoc(organizationId, n, now));
    await collection.insertMany(docs, { ordered: false });
  }
}
