import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, vi } from 'vitest';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { describeFiling, mergeHire, NOT_SUBMITTED } from '@eligo/shared/filing';
import { SAMPLE_EMPLOYER } from '@eligo/shared/filing/fixtures';
import type { ApplicantDetail } from '@eligo/shared/schemas/applicants';
import type { EmployerProfileDraft } from '@eligo/shared/schemas/employer';
import type { FilingRow, FilingSummary } from '@eligo/shared/schemas/filing';
import type { ApplicantFiling, FilingStatus } from '@eligo/shared/schemas/filing-status';
import type { ApplicantHire, HireSource, HireValues } from '@eligo/shared/schemas/hire';
import { routes } from '../../router/index.ts';

/**
 * Test data for the hire and filing screens, built with the shared rules (`describeFiling`) at a
 * fixed moment, so a component test sees what the API would send and never reads the clock.
 */

/** Noon in Texas on 2026-03-30: "today" for every fixture. */
export const NOW = new Date('2026-03-30T17:00:00Z');
export const TODAY = '2026-03-30';
export const ZONE = 'America/Chicago';

/** A complete Texas employer (`SAMPLE_EMPLOYER` of the shared rules' tests). */
export const EMPLOYER: EmployerProfileDraft = SAMPLE_EMPLOYER;

/** A hire recorded from `source` (Lever's webhook unless said), with these values. */
export function aHire(
  values: Partial<HireValues>,
  source: HireSource = 'lever_webhook',
): ApplicantHire {
  return mergeHire(null, values, source).hire;
}

export interface FilingFacts {
  employer?: EmployerProfileDraft | null;
  /** When the applicant signed the survey; signed on the offer day unless said. */
  signedAt?: string | null;
  employerSigned?: boolean;
  status?: FilingStatus;
}

export function aFiling(hire: ApplicantHire, facts: FilingFacts = {}): ApplicantFiling {
  return describeFiling({
    hire,
    status: facts.status ?? NOT_SUBMITTED,
    employer: facts.employer === undefined ? EMPLOYER : facts.employer,
    applicantSignedAt:
      facts.signedAt === undefined ? `${hire.offeredOn ?? TODAY}T15:00:00.000Z` : facts.signedAt,
    employerSignature: facts.employerSigned
      ? { signedAt: NOW.toISOString(), signedBy: 'Ada Admin' }
      : null,
    timeZone: ZONE,
    now: NOW,
  });
}

export function aFilingRow(
  id: string,
  name: string,
  hire: ApplicantHire,
  facts?: FilingFacts,
): FilingRow {
  return {
    id,
    name,
    postingTitle: 'Dock worker',
    wotcStatus: 'pre_qualified',
    targetGroups: ['G'],
    hire,
    filing: aFiling(hire, facts),
  };
}

export function aSummary(overrides: Partial<FilingSummary> = {}): FilingSummary {
  return {
    today: TODAY,
    timeZone: ZONE,
    buckets: { needs_start_date: 1, due_soon: 2, overdue: 0, in_progress: 0, ready: 0, filed: 0 },
    screenedAfterOffer: 0,
    employer: {
      legalName: EMPLOYER.legalName,
      einMasked: '**-***1183',
      timeZone: ZONE,
      missing: [],
    },
    ...overrides,
  };
}

export function anApplicant(overrides: Partial<ApplicantDetail> = {}): ApplicantDetail {
  return {
    id: 'a'.repeat(24),
    name: 'Ana Díaz',
    email: 'ana@example.com',
    postingId: 'p1',
    postingTitle: 'Dock worker',
    appliedAt: '2026-02-20T15:00:00.000Z',
    surveyStatus: 'submitted',
    wotcStatus: 'pre_qualified',
    tagSync: { state: 'synced', tag: null, syncedAt: null, reason: null, nextRetryAt: null },
    reused: false,
    confidential: false,
    anonymized: false,
    filing: null,
    firstName: 'Ana',
    lastName: 'Díaz',
    language: 'en',
    state: 'TX',
    lever: { opportunityId: 'opp-1', applicationId: null, contactId: null, url: null },
    survey: {
      invitedAt: null,
      sentAt: null,
      openedAt: null,
      submittedAt: null,
      declinedAt: null,
      expiresAt: null,
    },
    reusedFrom: null,
    eligibility: null,
    override: null,
    answers: null,
    ssnMasked: null,
    targetGroups: [],
    timeline: [],
    hire: null,
    ...overrides,
  };
}

/** The app's real routes on a memory history, so links resolve to the paths people would see. */
export async function testRouter(path = '/'): Promise<Router> {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  await router.isReady();
  return router;
}

/** A fresh pinia, made the active one (stores used outside a component find it). */
export function testPinia(): Pinia {
  const pinia = createPinia();
  setActivePinia(pinia);
  return pinia;
}

/**
 * The browser's `fetch`, replaced for each test of the file by a mock the test answers
 * (`mockResolvedValueOnce(json(…))`), and put back after it.
 */
export function mockFetch() {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());
  return fetchMock;
}

/** A JSON answer of the API. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}
