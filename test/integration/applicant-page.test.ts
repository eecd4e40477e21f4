import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { recordTagSyncOutcome } from '@eligo/server/modules/lever/sync/tag-sync';
import { apiClient, type ApiClient } from '../support/http.ts';
import {
  createOrganization,
  createUser,
  registerTestApplicant,
  signedIn,
  type TestOrganization,
} from '../support/factories.ts';
import { answerSurvey } from '../support/applicants.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';
import { linkFrom, type TestSmtpServer } from '../support/smtp.ts';
import { allNoAnswers, canary, canaryAnswers, surveyPath } from '../support/survey.ts';

/**
 * The applicant page: what it shows (SSN masked, timeline, result) and the admin actions — set
 * email and send, resend, override, retry tag sync, reveal the SSN (audited), CSV export (audited)
 * — with their 400/403/404/409 answers. Members read, never act, never see the SSN.
 */
let smtp: TestSmtpServer;
let t: OrgTestApp;
let org: TestOrganization;
let admin: ApiClient;
let member: ApiClient;

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename, {
    env: { SURVEY_RATE_LIMIT_PER_MINUTE: '10000', SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '10000' },
    organization: { name: 'Page Org' },
    adminIp: '203.0.113.7',
  });
  ({ smtp, org, admin } = t);
  member = await signedIn(t.app, await createUser(t.app, org.organizationId, { role: 'member' }));
});
afterAll(() => t?.close());

const auditCount = () =>
  t.db
    .collection('audit_records')
    .countDocuments({ organizationId: new Types.ObjectId(org.organizationId) });

async function answeredApplicant(answers = canaryAnswers()) {
  const { applicant } = await registerTestApplicant(t.app, org.organizationId, {
    name: 'Ada Lovelace',
  });
  const id = applicant._id.toHexString();
  await answerSurvey(t.app, org.organizationId, id, answers);
  return id;
}

/** The applicant page once the survey's email was accepted by the mail server ("Sent"). */
async function sentDetail(id: Types.ObjectId) {
  await expect
    .poll(async () => (await admin.get(`/api/applicants/${id}`)).json().surveyStatus, {
      timeout: 15_000,
    })
    .toBe('sent');
  return (await admin.get(`/api/applicants/${id}`)).json();
}

describe('the applicant page', () => {
  test('contact, posting, result with groups and reasons, answers with the SSN masked, timeline', async () => {
    const id = await answeredApplicant();
    for (const client of [admin, member]) {
      const res = await client.get(`/api/applicants/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const page = res.json();
      expect(page).toMatchObject({
        id,
        name: 'Ada Lovelace',
        postingTitle: 'Warehouse Associate',
        surveyStatus: 'submitted',
        wotcStatus: 'pre_qualified',
        ssnMasked: '***-**-5946',
        lever: { url: null },
        tagSync: { state: 'pending', tag: 'Eligo-WOTC:Pre Qualified' },
      });
      expect(page.answers.ssn).toBe('***-**-5946');
      expect(page.eligibility.matches.length).toBeGreaterThan(0);
      expect(page.eligibility.matches[0].reason).toEqual(expect.any(String));
      expect(page.eligibility.maxPotentialCredit).toBeGreaterThan(0);
      expect(page.targetGroups).toEqual(
        page.eligibility.matches.map((m: { code: string }) => m.code),
      );
      expect(page.timeline.map((e: { type: string }) => e.type)).toEqual([
        'received',
        'survey_submitted',
        'evaluated',
        'tag_sync_requested',
      ]);
      expect(res.body).not.toContain(canary.ssn);
      expect(res.body).not.toContain(canary.ssnDigits);
    }
  });

  test('unknown, malformed and foreign applicant ids → 404', async () => {
    const foreign = await createOrganization(t.app);
    const { applicant } = await registerTestApplicant(t.app, foreign.organizationId);
    for (const id of [new Types.ObjectId().toHexString(), applicant._id.toHexString()]) {
      const res = await admin.get(`/api/applicants/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    expect((await admin.get('/api/applicants/not-an-id')).statusCode).toBe(400);
  });

  test('the Lever link appears when LEVER_WEB_URL is configured', async () => {
    const { applicant } = await registerTestApplicant(t.app, org.organizationId, {
      lever: { opportunityId: 'opp-123' },
    });
    const original = t.app.config.lever;
    t.app.config.lever = { webUrl: 'https://hire.lever.example' } as typeof original;
    try {
      const page = (await admin.get(`/api/applicants/${applicant._id}`)).json();
      expect(page.lever.url).toBe('https://hire.lever.example/candidates/opp-123');
    } finally {
      t.app.config.lever = original;
    }
  });
});

describe('set email and send the survey', () => {
  test('an admin fixes a missing email: the survey goes to it and the timeline says who', async () => {
    const { applicant } = await registerTestApplicant(t.app, org.organizationId, { email: null });
    const email = `fixed-${Date.now()}@example.com`;
    const res = await admin.post(`/api/applicants/${applicant._id}/email`, { email });
    expect(res.statusCode).toBe(200);
    // Queued in the outbox: "Sending" until the mail server accepts it, then "Sent".
    expect(res.json()).toMatchObject({ email, surveyStatus: 'sending' });
    const mail = await smtp.waitForMail(email);
    const detail = await sentDetail(applicant._id);
    const token = linkFrom(mail, `${t.config.publicUrl}/survey/`).split('/survey/')[1]!;
    expect((await apiClient(t.app).get(surveyPath(token))).statusCode).toBe(200);
    const timeline = detail.timeline as Array<{ type: string; actor: { name: string } }>;
    expect(timeline.map((e) => e.type)).toEqual([
      'received',
      'missing_email',
      'email_set',
      'invitation_sent',
    ]);
    expect(timeline[2]!.actor.name).toMatch(/^Admin /);
    expect(timeline[3]!.actor.name).toBe(timeline[2]!.actor.name);
    // Searchable by the new email at once.
    const found = (await admin.get(`/api/applicants?q=${encodeURIComponent(email)}`)).json();
    expect(found.items.map((r: { id: string }) => r.id)).toEqual([applicant._id.toHexString()]);
  });

  test('400 for a bad email, 409 once the survey was sent, 403 for a member, 404 for nobody', async () => {
    const { applicant } = await registerTestApplicant(t.app, org.organizationId, { email: null });
    const url = `/api/applicants/${applicant._id}/email`;
    const bad = await admin.post(url, { email: 'not an email' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('/body/email');
    expect((await member.post(url, { email: 'm@example.com' })).statusCode).toBe(403);
    expect(
      (
        await admin.post(`/api/applicants/${new Types.ObjectId()}/email`, {
          email: 'x@example.com',
        })
      ).statusCode,
    ).toBe(404);
    expect((await admin.post(url, { email: `ok-${Date.now()}@example.com` })).statusCode).toBe(200);
    const again = await admin.post(url, { email: 'second@example.com' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('APPLICANT_ACTION_UNAVAILABLE');
  });
});

describe('resend the survey', () => {
  test('a new link is emailed and the old one stops working', async () => {
    const { applicant } = await registerTestApplicant(t.app, org.organizationId);
    const first = await admin.post(`/api/applicants/${applicant._id}/survey/resend`);
    expect(first.statusCode).toBe(200);
    const oldToken = linkFrom(
      await smtp.waitForMail(applicant.email),
      `${t.config.publicUrl}/survey/`,
    ).split('/survey/')[1]!;
    await sentDetail(applicant._id);
    const res = await admin.post(`/api/applicants/${applicant._id}/survey/resend`);
    expect(res.statusCode).toBe(200);
    await expect
      .poll(() => smtp.received.filter((m) => m.to.includes(applicant.email)).length)
      .toBe(2);
    // Accepted by the mail server: the timeline says so (before anyone opens the new link).
    await expect
      .poll(async () =>
        (await admin.get(`/api/applicants/${applicant._id}`))
          .json()
          .timeline.map((e: { type: string }) => e.type),
      )
      .toEqual(['received', 'invitation_sent', 'survey_resent']);
    const mails = smtp.received.filter((m) => m.to.includes(applicant.email));
    const newToken = linkFrom(mails[1]!, `${t.config.publicUrl}/survey/`).split('/survey/')[1]!;
    expect(newToken).not.toBe(oldToken);
    expect((await apiClient(t.app).get(surveyPath(oldToken))).statusCode).toBe(404);
    expect((await apiClient(t.app).get(surveyPath(newToken))).statusCode).toBe(200);
  });

  test('two resends at once send one email', async () => {
    const { applicant } = await registerTestApplicant(t.app, org.organizationId);
    await admin.post(`/api/applicants/${applicant._id}/survey/resend`);
    await smtp.waitForMail(applicant.email);
    await sentDetail(applicant._id);
    const results = await Promise.all([
      admin.post(`/api/applicants/${applicant._id}/survey/resend`),
      admin.post(`/api/applicants/${applicant._id}/survey/resend`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    await expect
      .poll(() => smtp.received.filter((m) => m.to.includes(applicant.email)).length)
      .toBe(2);
  });

  test('409 after the survey was answered or without an email; 403 for a member', async () => {
    const answered = await answeredApplicant(allNoAnswers());
    const res = await admin.post(`/api/applicants/${answered}/survey/resend`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('The applicant has already answered the survey');
    const { applicant } = await registerTestApplicant(t.app, org.organizationId, { email: null });
    expect((await admin.post(`/api/applicants/${applicant._id}/survey/resend`)).statusCode).toBe(
      409,
    );
    expect((await member.post(`/api/applicants/${answered}/survey/resend`)).statusCode).toBe(403);
  });
});

describe('override the WOTC status', () => {
  test('a needs-review result is decided by an admin with a reason; the tag follows', async () => {
    const id = await answeredApplicant(
      allNoAnswers({ q_cond_cert: 'yes', q_cond_cert_agency: 'IL DES' }),
    );
    const before = (await admin.get(`/api/applicants/${id}`)).json();
    expect(before).toMatchObject({ wotcStatus: 'needs_review', tagSync: { state: 'none' } });
    const res = await admin.post(`/api/applicants/${id}/wotc-status`, {
      status: 'pre_qualified',
      reason: 'Conditional certification letter checked',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      wotcStatus: 'pre_qualified',
      override: { status: 'pre_qualified', reason: 'Conditional certification letter checked' },
      tagSync: { state: 'pending', tag: 'Eligo-WOTC:Pre Qualified' },
      eligibility: { status: 'needs_review' },
    });
    const last = res.json().timeline.slice(-2);
    expect(last[0]).toMatchObject({
      type: 'override',
      data: { from: 'needs_review', to: 'pre_qualified' },
      actor: { kind: 'user' },
    });
    expect(last[1]).toMatchObject({ type: 'tag_sync_requested' });
    const filtered = (await member.get('/api/applicants?wotcStatus=pre_qualified')).json();
    expect(filtered.items.map((r: { id: string }) => r.id)).toContain(id);
  });

  test('a reason is required (400); no result yet (409); members cannot (403)', async () => {
    const id = await answeredApplicant(allNoAnswers());
    for (const body of [{ status: 'pre_qualified' }, { status: 'pre_qualified', reason: '  ' }]) {
      const res = await admin.post(`/api/applicants/${id}/wotc-status`, body);
      expect(res.statusCode).toBe(400);
    }
    expect(
      (await admin.post(`/api/applicants/${id}/wotc-status`, { status: 'pending', reason: 'xyz' }))
        .statusCode,
    ).toBe(400);
    const { applicant } = await registerTestApplicant(t.app, org.organizationId);
    const early = await admin.post(`/api/applicants/${applicant._id}/wotc-status`, {
      status: 'not_qualified',
      reason: 'Too early',
    });
    expect(early.statusCode).toBe(409);
    expect(
      (
        await member.post(`/api/applicants/${id}/wotc-status`, {
          status: 'not_qualified',
          reason: 'Member tries',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('retry tag sync', () => {
  test('only after a failure; it sets the sync back to pending', async () => {
    const id = await answeredApplicant(allNoAnswers());
    const url = `/api/applicants/${id}/tag-sync/retry`;
    expect((await admin.post(url)).statusCode).toBe(409);
    await recordTagSyncOutcome(
      t.app,
      { _id: new Types.ObjectId(id), organizationId: new Types.ObjectId(org.organizationId) },
      { state: 'failed', reason: 'Lever answered 503', nextRetryAt: new Date(Date.now() + 60_000) },
    );
    const failed = (await member.get(`/api/applicants/${id}`)).json();
    expect(failed.tagSync).toMatchObject({ state: 'failed', reason: 'Lever answered 503' });
    expect((await member.get('/api/applicants/summary')).json().tagSyncProblems).toBeGreaterThan(0);
    expect((await member.post(url)).statusCode).toBe(403);
    const res = await admin.post(url);
    expect(res.statusCode).toBe(200);
    expect(res.json().tagSync).toMatchObject({
      state: 'pending',
      tag: 'Eligo-WOTC:Not Qualified',
      reason: null,
    });
    expect(
      res
        .json()
        .timeline.map((e: { type: string }) => e.type)
        .slice(-2),
    ).toEqual(['tag_sync_failed', 'tag_sync_requested']);
  });
});

describe('reveal the SSN', () => {
  test('an admin with a reason sees it; an audit record says who, what, when and from where', async () => {
    const id = await answeredApplicant();
    const before = await auditCount();
    const res = await admin.post(`/api/applicants/${id}/ssn/reveal`, {
      reason: 'Filing Form 8850',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ssn: canary.ssn });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(await auditCount()).toBe(before + 1);
    const record = await t.db
      .collection('audit_records')
      .findOne({ 'target.id': id, action: 'ssn_revealed' });
    expect(record).toMatchObject({
      action: 'ssn_revealed',
      fields: ['ssn'],
      reason: 'Filing Form 8850',
      ip: '203.0.113.7',
      actor: { email: org.admin.email, role: 'admin' },
    });
    expect(JSON.stringify(record)).not.toContain(canary.ssnDigits.slice(0, 5));
    const page = (await admin.get(`/api/applicants/${id}`)).json();
    expect(page.timeline.at(-1)).toMatchObject({ type: 'ssn_revealed', actor: { kind: 'user' } });
    expect(JSON.stringify(t.logs)).not.toContain(canary.ssn);
  });

  test('members never (403), a reason is required (400), no SSN given (409); nothing audited', async () => {
    const id = await answeredApplicant(allNoAnswers({ ssn: 'declined' }));
    const before = await auditCount();
    expect(
      (await member.post(`/api/applicants/${id}/ssn/reveal`, { reason: 'curious' })).statusCode,
    ).toBe(403);
    expect((await admin.post(`/api/applicants/${id}/ssn/reveal`, {})).statusCode).toBe(400);
    expect(
      (await admin.post(`/api/applicants/${id}/ssn/reveal`, { reason: 'Filing' })).statusCode,
    ).toBe(409);
    expect(await auditCount()).toBe(before);
  });
});

describe('CSV export', () => {
  test('the search as CSV: no SSN or date of birth, formulas neutralised, audited', async () => {
    const csvOrg = await createOrganization(t.app, { name: 'Csv Org' });
    const csvAdmin = await signedIn(t.app, csvOrg.admin);
    await registerTestApplicant(t.app, csvOrg.organizationId, {
      name: '=HYPERLINK("http://evil.example","Click")',
      email: 'evil@example.com',
      postingTitle: '@SUM(A1:A9)',
    });
    const good = await registerTestApplicant(t.app, csvOrg.organizationId, {
      name: 'Zoë Ünal',
      email: 'zoe@example.com',
    });
    await answerSurvey(
      t.app,
      csvOrg.organizationId,
      good.applicant._id.toHexString(),
      canaryAnswers(),
    );
    await registerTestApplicant(t.app, csvOrg.organizationId, { name: '+Plus Minus', email: null });

    const res = await csvAdmin.post('/api/applicants/export', { sort: 'name_asc' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="wotc-applicants-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '"Name","Email","Posting","Applied (UTC)","Survey status","WOTC status","Target groups","Max potential credit (USD)","Lever tag","Tag sync","Lever opportunity"',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      /^"'\+Plus Minus","","Warehouse Associate",".+","Missing email","Pending"/,
    );
    expect(lines[2]).toMatch(
      /^"'=HYPERLINK\(""http:\/\/evil.example"",""Click""\)","evil@example.com","'@SUM\(A1:A9\)"/,
    );
    expect(lines[3]).toMatch(/^"Zoë Ünal","zoe@example.com",.*"Submitted","Pre Qualified"/);
    // Target groups by name, not by their letters.
    expect(lines[3]).toContain('Qualified veteran receiving SNAP; Qualified ex-felon');
    expect(lines[3]).not.toMatch(/"B-a|"C |"G"/);
    expect(res.body).not.toContain(canary.ssn);
    expect(res.body).not.toContain(canary.ssnDigits);
    expect(res.body).not.toContain(canary.dob);
    expect(lines[0]).not.toMatch(/ssn|birth/i);

    const search = await csvAdmin.post('/api/applicants/export', { q: 'zoe' });
    expect(search.body.trimEnd().split('\r\n')).toHaveLength(2);

    const audit = await t.db
      .collection('audit_records')
      .find({ organizationId: new Types.ObjectId(csvOrg.organizationId) })
      .sort({ _id: 1 })
      .toArray();
    expect(audit.map((a) => [a.action, a.detail.rows, a.detail.filters])).toEqual([
      ['applicants_exported', 3, 'sort=name_asc'],
      ['applicants_exported', 1, 'q=zoe'],
    ]);
  });

  test('members cannot export (403); bad filters → 400; nothing audited', async () => {
    const before = await auditCount();
    expect((await member.post('/api/applicants/export', {})).statusCode).toBe(403);
    expect((await admin.post('/api/applicants/export', { surveyStatus: 'x' })).statusCode).toBe(
      400,
    );
    expect((await admin.post('/api/applicants/export', { unknown: 1 })).statusCode).toBe(400);
    expect(await auditCount()).toBe(before);
  });
});

describe('audit records', () => {
  test('admins list them newest first; members cannot; no route changes or deletes them', async () => {
    const id = await answeredApplicant();
    await admin.post(`/api/applicants/${id}/ssn/reveal`, { reason: 'First look' });
    await admin.post(`/api/applicants/${id}/ssn/reveal`, { reason: 'Second look' });
    const res = await admin.get('/api/audit-records?limit=1');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      action: 'ssn_revealed',
      reason: 'Second look',
      target: { type: 'applicant', id },
      ip: '203.0.113.7',
    });
    const next = (await admin.get(`/api/audit-records?limit=1&cursor=${page.nextCursor}`)).json();
    expect(next.items[0].reason).toBe('First look');
    expect((await member.get('/api/audit-records')).statusCode).toBe(403);

    // Every mutating route of the API, aimed at an audit record: nothing changes.
    const snapshot = async () =>
      JSON.stringify(await t.db.collection('audit_records').find().sort({ _id: 1 }).toArray());
    const before = await snapshot();
    const doc = (await apiClient(t.app).get('/api/docs/json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const auditPaths = Object.entries(doc.paths).filter(([path]) => path.includes('audit'));
    expect(auditPaths.map(([path, methods]) => [path, Object.keys(methods)])).toEqual([
      ['/api/audit-records', ['get']],
    ]);
    const recordId = page.items[0].id as string;
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST'] as const) {
      for (const url of [`/api/audit-records/${recordId}`, '/api/audit-records']) {
        const r = await admin.request(method, url, {});
        expect(r.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    expect(await snapshot()).toBe(before);
  });
});
