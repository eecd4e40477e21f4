import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApplicantRow } from '@eligo/shared/schemas/applicants';
import { createTestApp, type TestApp } from '../support/app.ts';
import type { ApiClient } from '../support/http.ts';
import {
  createOrganization,
  createUser,
  emailedSurveyLink,
  registerTestApplicant,
  signedIn,
  type TestOrganization,
} from '../support/factories.ts';
import { answerSurvey, declineSurvey } from '../support/applicants.ts';
import { allNoAnswers } from '../support/survey.ts';

/**
 * The WOTC Applicants dashboard's list API: search by name or email, filters, sorting, counts and
 * cursor pagination, seen by a signed-in user of the organization and by nobody else.
 */
let t: TestApp;
let org: TestOrganization;
let other: TestOrganization;
let member: ApiClient;

const DAY = 86_400_000;
/** A fixed reference inside the last weeks, so applied dates differ by whole days. */
const base = Date.now() - 40 * DAY;
const appliedDaysAfterBase = (days: number) => new Date(base + days * DAY);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

const people = [
  { name: 'José García', email: 'jgarcia@example.com', day: 1, posting: 'p-cook', title: 'Cook' },
  { name: 'Anna Smith', email: 'anna.smith@example.com', day: 2, posting: 'p-cook', title: 'Cook' },
  { name: 'Mary-Ann Jones', email: 'mj@example.com', day: 3, posting: 'p-driver', title: 'Driver' },
  { name: 'Annika Berg', email: 'ab@example.com', day: 4, posting: 'p-driver', title: 'Driver' },
  { name: 'Zoë Ünal', email: 'zoe@example.com', day: 5, posting: 'p-cook', title: 'Cook' },
  { name: "Liam O'Brien", email: null, day: 6, posting: 'p-driver', title: 'Driver' },
  { name: 'JOSEPHINE BAKER', email: 'jb@example.com', day: 7, posting: 'p-cook', title: 'Cook' },
];
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp(import.meta.filename, {
    env: { SURVEY_RATE_LIMIT_PER_MINUTE: '10000', SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '10000' },
  });
  org = await createOrganization(t.app, { name: 'Search Org' });
  other = await createOrganization(t.app, { name: 'Other Org' });
  for (const p of people) {
    const { applicant } = await registerTestApplicant(t.app, org.organizationId, {
      name: p.name,
      email: p.email,
      postingTitle: p.title,
      appliedAt: appliedDaysAfterBase(p.day),
      lever: { opportunityId: `opp-${p.day}`, postingId: p.posting },
    });
    ids.set(p.name, applicant._id.toHexString());
  }
  // Another organization with look-alike people: never visible to this one.
  for (const name of ['José Garcíaotherorg', 'Anna Otherorg']) {
    await registerTestApplicant(t.app, other.organizationId, {
      name,
      email: `${name.split(' ')[1]!.toLowerCase()}@other.example`,
    });
  }
  // Statuses: Anna submitted (not qualified), Zoë pre-qualified, Annika declined, Mary-Ann sent,
  // José's link expired, Josephine needs review.
  const orgId = org.organizationId;
  await answerSurvey(t.app, orgId, ids.get('Anna Smith')!);
  await answerSurvey(
    t.app,
    orgId,
    ids.get('Zoë Ünal')!,
    allNoAnswers({ q_ssi: 'yes', q_ssi_last_month: isoDay(new Date()).slice(0, 7) }),
  );
  await declineSurvey(t.app, orgId, ids.get('Annika Berg')!);
  const oid = (id: string) => new Types.ObjectId(id);
  await emailedSurveyLink(t.app, orgId, oid(ids.get('Mary-Ann Jones')!));
  await emailedSurveyLink(
    t.app,
    orgId,
    oid(ids.get('José García')!),
    new Date(Date.now() - 31 * DAY),
  );
  await answerSurvey(
    t.app,
    orgId,
    ids.get('JOSEPHINE BAKER')!,
    allNoAnswers({ q_cond_cert: 'yes', q_cond_cert_agency: 'IL DES' }),
  );
  member = await signedIn(t.app, await createUser(t.app, org.organizationId, { role: 'member' }));
});
afterAll(() => t?.close());

async function search(query: Record<string, string | number>): Promise<ApplicantRow[]> {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const res = await member.get(`/api/applicants?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as ApplicantRow[];
}
const names = (rows: ApplicantRow[]) => rows.map((r) => r.name).sort();

describe('search by name or email', () => {
  test.each([
    ['jose', ['JOSEPHINE BAKER', 'José García']],
    ['JOSÉ', ['JOSEPHINE BAKER', 'José García']],
    ['garc', ['José García']],
    ['Ann', ['Anna Smith', 'Annika Berg', 'Mary-Ann Jones']],
    ['anna', ['Anna Smith']],
    ['mary-ann', ['Mary-Ann Jones']],
    ['maryann', ['Mary-Ann Jones']],
    ['jones mary', ['Mary-Ann Jones']],
    ['zoe unal', ['Zoë Ünal']],
    ['obrien', ["Liam O'Brien"]],
    ['smith', ['Anna Smith']],
    ['mit', []],
    ['anna.smith@', ['Anna Smith']],
    ['ANNA.SMITH@EXAMPLE.COM', ['Anna Smith']],
    ['jb@ex', ['JOSEPHINE BAKER']],
    ['otherorg', []],
  ])('%j finds %j', async (q, expected) => {
    expect(names(await search({ q }))).toEqual(expected);
  });

  test('without a query the organization’s applicants are listed newest application first', async () => {
    const rows = await search({});
    expect(rows.map((r) => r.name)).toEqual([...people].reverse().map((p) => p.name));
    expect(rows.every((r) => !r.name.includes('Otherorg'))).toBe(true);
  });
});

describe('filters, sorting and counts', () => {
  test.each([
    ['surveyStatus', 'missing_email', ["Liam O'Brien"]],
    ['surveyStatus', 'submitted', ['Anna Smith', 'JOSEPHINE BAKER', 'Zoë Ünal']],
    ['surveyStatus', 'declined', ['Annika Berg']],
    ['surveyStatus', 'sent', ['Mary-Ann Jones']],
    ['surveyStatus', 'expired', ['José García']],
    ['surveyStatus', 'not_sent', []],
    ['wotcStatus', 'pending', ['José García', "Liam O'Brien", 'Mary-Ann Jones']],
    ['wotcStatus', 'pre_qualified', ['Zoë Ünal']],
    ['wotcStatus', 'not_qualified', ['Anna Smith', 'Annika Berg']],
    ['wotcStatus', 'needs_review', ['JOSEPHINE BAKER']],
    ['postingId', 'p-driver', ['Annika Berg', "Liam O'Brien", 'Mary-Ann Jones']],
  ])('%s=%s', async (key, value, expected) => {
    expect(names(await search({ [key]: value }))).toEqual(expected);
  });

  test('applied-date range (inclusive days), combined with a search and a status', async () => {
    const from = isoDay(appliedDaysAfterBase(2));
    const to = isoDay(appliedDaysAfterBase(5));
    expect(names(await search({ from, to }))).toEqual([
      'Anna Smith',
      'Annika Berg',
      'Mary-Ann Jones',
      'Zoë Ünal',
    ]);
    expect(names(await search({ from, to, q: 'ann', wotcStatus: 'not_qualified' }))).toEqual([
      'Anna Smith',
      'Annika Berg',
    ]);
  });

  test('sort by name (accents folded) and by applied date', async () => {
    expect((await search({ sort: 'name_asc' })).map((r) => r.name)).toEqual([
      'Anna Smith',
      'Annika Berg',
      'José García',
      'JOSEPHINE BAKER',
      "Liam O'Brien",
      'Mary-Ann Jones',
      'Zoë Ünal',
    ]);
    expect((await search({ sort: 'name_desc' }))[0]!.name).toBe('Zoë Ünal');
    expect((await search({ sort: 'applied_asc' }))[0]!.name).toBe('José García');
  });

  test('the counts per status, each matching its filter', async () => {
    const res = await member.get('/api/applicants/summary');
    expect(res.statusCode).toBe(200);
    const summary = res.json();
    expect(summary).toEqual({
      total: 7,
      surveyStatus: {
        not_sent: 0,
        missing_email: 1,
        sending: 0,
        sent: 1,
        opened: 0,
        in_progress: 0,
        submitted: 3,
        declined: 1,
        expired: 1,
      },
      wotcStatus: { pending: 3, pre_qualified: 1, not_qualified: 2, needs_review: 1 },
      tagSyncProblems: 0,
      postings: [
        { id: 'p-cook', title: 'Cook' },
        { id: 'p-driver', title: 'Driver' },
      ],
    });
    for (const [status, count] of Object.entries(summary.surveyStatus as Record<string, number>)) {
      expect((await search({ surveyStatus: status })).length, status).toBe(count);
    }
  });
});

describe('cursor pagination', () => {
  test('pages are stable while new applicants arrive: nobody repeated, nobody skipped', async () => {
    const fresh = await createOrganization(t.app);
    const client = await signedIn(t.app, fresh.admin);
    const start = Date.now() - 10 * DAY;
    const originals: Array<{ id: string; at: number }> = [];
    for (let i = 0; i < 9; i++) {
      // Two share each applied time: the id settles their order.
      const at = start + Math.floor(i / 2) * DAY;
      const { applicant } = await registerTestApplicant(t.app, fresh.organizationId, {
        name: `Person ${i}`,
        appliedAt: new Date(at),
      });
      originals.push({ id: applicant._id.toHexString(), at });
    }
    const newestFirst = [...originals]
      .sort((a, b) => b.at - a.at || (b.id > a.id ? 1 : -1))
      .map((o) => o.id);
    const seen: string[] = [];
    const lateOnes: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await client.get(
        `/api/applicants?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: ApplicantRow[]; nextCursor: string | null };
      seen.push(...body.items.map((r) => r.id));
      cursor = body.nextCursor;
      pages += 1;
      if (!cursor) break;
      // New applications arrive while the admin pages through: most are new (they sort before the
      // pages already read), some were delayed (older than everything: they come last).
      const late = pages % 2 === 0;
      const { applicant } = await registerTestApplicant(t.app, fresh.organizationId, {
        name: `Newcomer ${pages}`,
        appliedAt: late ? new Date(start - pages * DAY) : new Date(),
      });
      if (late) lateOnes.push(applicant._id.toHexString());
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, originals.length)).toEqual(newestFirst);
    expect(seen.slice(originals.length)).toEqual(lateOnes);
  });

  test('newest first across the list windows (a week, 8 and 64 weeks, then all): every page in order', async () => {
    // Applied dates spread so that pages come from each window and from the unbounded read:
    // ahead of now (Lever's clock), within days, weeks, months, and more than 448 days ago.
    const fresh = await createOrganization(t.app);
    const client = await signedIn(t.app, fresh.admin);
    const offsetsInDays = [-2, 0, 1, 3, 6, 9, 20, 40, 55, 60, 100, 300, 447, 449, 700, 900];
    const all: Array<{ id: string; at: number }> = [];
    for (const [i, days] of offsetsInDays.entries()) {
      const at = Date.now() - days * DAY;
      const { applicant } = await registerTestApplicant(t.app, fresh.organizationId, {
        name: `Window ${i}`,
        email: i % 4 === 0 ? null : `window${i}@example.com`,
        appliedAt: new Date(at),
      });
      all.push({ id: applicant._id.toHexString(), at });
    }
    const newestFirst = (rows: typeof all) =>
      [...rows].sort((a, b) => b.at - a.at || (b.id > a.id ? 1 : -1)).map((o) => o.id);
    const pages = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await client.get(
          `/api/applicants?${query}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(res.statusCode).toBe(200);
        const body = res.json() as { items: ApplicantRow[]; nextCursor: string | null };
        seen.push(...body.items.map((r) => r.id));
        cursor = body.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await pages('sort=applied_desc')).toEqual(newestFirst(all));
    // A filter: the applicants without an email (every fourth).
    expect(await pages('surveyStatus=missing_email')).toEqual(
      newestFirst(all.filter((_, i) => i % 4 === 0)),
    );
  });

  test('name-sorted pages cover everyone once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await member.get(
        `/api/applicants?sort=name_desc&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const body = res.json() as { items: ApplicantRow[]; nextCursor: string | null };
      seen.push(...body.items.map((r) => r.name));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual((await search({ sort: 'name_desc' })).map((r) => r.name));
    expect(seen).toHaveLength(7);
  });
});

describe('bad input and access', () => {
  test.each([
    ['surveyStatus=bogus', '/querystring/surveyStatus'],
    ['limit=0', '/querystring/limit'],
    ['limit=101', '/querystring/limit'],
    ['from=2026-13-45x', '/querystring/from'],
    ['cursor=not%20base64!', '/querystring/cursor'],
    ['cursor=bm9wZQ', '/querystring/cursor'],
    ['sort=age', '/querystring/sort'],
    ['q[$ne]=x', '/querystring'],
  ])('%s → 400', async (query, path) => {
    const res = await member.get(`/api/applicants?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.json().details)).toContain(path);
  });

  test('"from" after "to" → 400', async () => {
    const res = await member.get('/api/applicants?from=2026-03-02&to=2026-03-01');
    expect(res.statusCode).toBe(400);
  });

  test('without a session → 401', async () => {
    const { apiClient } = await import('../support/http.ts');
    expect((await apiClient(t.app).get('/api/applicants')).statusCode).toBe(401);
    expect((await apiClient(t.app).get('/api/applicants/summary')).statusCode).toBe(401);
  });

  test('the other organization sees none of these applicants', async () => {
    const otherClient = await signedIn(t.app, other.admin);
    const rows = (await otherClient.get('/api/applicants')).json().items as ApplicantRow[];
    expect(rows.map((r) => r.name).sort()).toEqual(['Anna Otherorg', 'José Garcíaotherorg']);
    expect((await otherClient.get(`/api/applicants/${ids.get('Anna Smith')}`)).statusCode).toBe(
      404,
    );
  });
});
