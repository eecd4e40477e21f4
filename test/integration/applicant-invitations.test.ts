import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inviteApplicant } from '@eligo/server/modules/survey/index';
import { registerApplicant } from '@eligo/server/modules/applicants/index';
import { sweepReminders } from '@eligo/server/modules/survey/reminders';
import { organizationModel } from '@eligo/server/modules/organizations/index';
import { createTestApp } from '../support/app.ts';
import { apiClient } from '../support/http.ts';
import {
  createOrganization,
  leverApplication,
  registerTestApplicant,
  type TestOrganization,
} from '../support/factories.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';
import { linkFrom, type TestSmtpServer } from '../support/smtp.ts';
import { allNoAnswers, signature, surveyPath } from '../support/survey.ts';

/**
 * What the Lever webhook processing will call: registering an applicant and sending the survey
 * invitation, each exactly once; the same person's survey reused; reminders once per instance pair.
 */
let smtp: TestSmtpServer;
let t: OrgTestApp;
let org: TestOrganization;

const HOUR = 3_600_000;

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename, {
    env: { SURVEY_RATE_LIMIT_PER_MINUTE: '10000', SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '10000' },
    organization: { name: 'Acme Widgets' },
  });
  ({ smtp, org } = t);
});
afterAll(() => t?.close());

const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
const events = async (applicantId: Types.ObjectId) =>
  (
    await t.db
      .collection('applicant_events')
      .find({ applicantId })
      .sort({ at: 1, seq: 1 })
      .toArray()
  ).map((e) => e.type as string);
const raw = (id: Types.ObjectId) => t.db.collection('applicants').findOne({ _id: id });
/** Waits until the survey of `id` is "Sent": the mail server accepted its email (the outbox said so). */
const sent = (id: Types.ObjectId) =>
  expect.poll(async () => (await raw(id))?.survey.status, { timeout: 15_000 }).toBe('sent');

/** Waits until no more mail arrives for `address` than `count` (the SMTP server is asynchronous). */
async function settledMailCount(address: string, count: number): Promise<number> {
  await smtp.waitForMail(address);
  await expect.poll(() => mailsTo(address).length).toBeGreaterThanOrEqual(count);
  return mailsTo(address).length;
}

describe('registering an applicant', () => {
  test('20 concurrent registrations of one Lever opportunity make one applicant and one "received" event', async () => {
    const application = leverApplication({ name: '  José   García López ' });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        registerApplicant(t.app, {
          organizationId: new Types.ObjectId(org.organizationId),
          ...application,
        }),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const ids = new Set(results.map((r) => r.applicant._id.toHexString()));
    expect(ids.size).toBe(1);
    const stored = await t.db
      .collection('applicants')
      .find({ 'lever.opportunityId': application.lever.opportunityId })
      .toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      name: 'José García López',
      firstName: 'José García',
      lastName: 'López',
      emailNormalized: application.email,
      postingTitle: 'Warehouse Associate',
      lever: {
        opportunityId: application.lever.opportunityId,
        applicationId: application.lever.applicationId,
        contactId: application.lever.contactId,
        postingId: 'posting-warehouse',
        integrationId: null,
      },
      survey: { status: 'not_sent' },
      wotcStatus: 'pending',
      tagSync: { state: 'none' },
    });
    expect(stored[0]!.searchTokens).toEqual(
      expect.arrayContaining(['jose', 'garcia', 'lopez', application.email]),
    );
    expect(await events(stored[0]!._id)).toEqual(['received']);
  });

  test('the same opportunity in two organizations is two applicants', async () => {
    const other = await createOrganization(t.app);
    const application = leverApplication();
    const a = await registerApplicant(t.app, {
      organizationId: new Types.ObjectId(org.organizationId),
      ...application,
    });
    const b = await registerApplicant(t.app, {
      organizationId: new Types.ObjectId(other.organizationId),
      ...application,
    });
    expect(a.created && b.created).toBe(true);
    expect(a.applicant._id.equals(b.applicant._id)).toBe(false);
  });

  test('no email: listed as "Missing email", no invitation, and the timeline says why', async () => {
    const { applicant } = await registerTestApplicant(t.app, org.organizationId, { email: null });
    expect(applicant.survey.status).toBe('missing_email');
    const result = await inviteApplicant(t.app, applicant);
    expect(result.outcome).toBe('missing_email');
    expect(await events(applicant._id)).toEqual(['received', 'missing_email']);
    expect((await raw(applicant._id))?.survey.tokenHash).toBeNull();
  });

  test('an anonymized candidate is kept without name or email and is never emailed', async () => {
    const { applicant } = await registerTestApplicant(t.app, org.organizationId, {
      name: 'Should Not Be Stored',
      email: 'gone@example.com',
      anonymized: true,
    });
    const stored = await raw(applicant._id);
    expect(stored).toMatchObject({ name: '', email: '', anonymized: true, emailNormalized: null });
    expect(JSON.stringify(stored)).not.toContain('Should Not');
    expect((await inviteApplicant(t.app, applicant)).outcome).toBe('anonymized');
    expect(mailsTo('gone@example.com')).toHaveLength(0);
  });

  test('a confidential posting: the applicant is surveyed but the posting title is not stored', async () => {
    const { applicant } = await registerTestApplicant(t.app, org.organizationId, {
      postingTitle: 'Secret Project Lead',
      confidential: true,
    });
    const stored = await raw(applicant._id);
    expect(stored).toMatchObject({ confidential: true, postingTitle: null });
    expect(JSON.stringify(stored)).not.toContain('Secret Project');
  });
});

describe('the survey invitation', () => {
  test('20 concurrent invitations send one email whose link opens the survey (English)', async () => {
    const { applicant } = await registerTestApplicant(t.app, org.organizationId, {
      name: 'Grace Hopper',
      postingTitle: 'Forklift Operator',
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => inviteApplicant(t.app, applicant)),
    );
    expect(results.filter((r) => r.outcome === 'queued')).toHaveLength(1);
    expect(
      results.every((r) => ['queued', 'in_progress', 'already_sent'].includes(r.outcome)),
    ).toBe(true);
    const mail = await smtp.waitForMail(applicant.email);
    expect(await settledMailCount(applicant.email, 1)).toBe(1);
    await sent(applicant._id);

    expect(mail.subject).toBe('Acme Widgets asks you to complete a short tax credit survey');
    expect(mail.text).toContain('Hello Grace,');
    expect(mail.text).toContain(
      'Thank you for applying to Acme Widgets for the Forklift Operator position.',
    );
    expect(mail.text).toContain('Work Opportunity Tax Credit');
    expect(mail.text).toContain('Answering is voluntary');
    expect(mail.text).toMatch(/Your personal link works until \w+ \d{1,2}, \d{4}\./);
    expect(mail.html).toContain('Open your survey');
    expect(mail.html).toContain('Acme Widgets');

    const link = linkFrom(mail, `${t.config.publicUrl}/survey/`);
    const token = link.split('/survey/')[1]!;
    const opened = await apiClient(t.app).get(surveyPath(token));
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({
      organizationName: 'Acme Widgets',
      applicant: { firstName: 'Grace', lastName: 'Hopper', email: applicant.email },
      language: 'en',
    });
    const stored = await raw(applicant._id);
    expect(stored?.survey.status).toBe('opened');
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await events(applicant._id)).toEqual(['received', 'invitation_sent', 'survey_opened']);
    // Inviting again later changes nothing.
    expect((await inviteApplicant(t.app, applicant)).outcome).toBe('already_sent');
  });

  test('an organization whose survey language is Spanish sends the invitation in Spanish', async () => {
    const spanish = await createOrganization(t.app, { name: 'Compañía Ejemplo' });
    await organizationModel(t.app.mongo).updateOne(
      { _id: spanish.organizationId },
      { $set: { surveyLanguage: 'es' } },
    );
    const { applicant } = await registerTestApplicant(t.app, spanish.organizationId, {
      name: 'María Núñez',
      postingTitle: 'Cajera',
    });
    expect((await inviteApplicant(t.app, applicant)).outcome).toBe('queued');
    const mail = await smtp.waitForMail(applicant.email);
    expect(mail.subject).toBe(
      'Compañía Ejemplo le pide completar una breve encuesta sobre un crédito fiscal',
    );
    expect(mail.text).toContain('Hola, María:');
    expect(mail.text).toContain('Responder es voluntario.');
    expect(mail.text).toContain('Su enlace personal funciona hasta el');
    const token = linkFrom(mail, `${t.config.publicUrl}/survey/`).split('/survey/')[1]!;
    expect((await apiClient(t.app).get(surveyPath(token))).json().language).toBe('es');
  });

  test('while the mail server is down the invitation waits in the outbox as "Sending" and goes out once it is back', async () => {
    await smtp.stop();
    let applicant;
    try {
      ({ applicant } = await registerTestApplicant(t.app, org.organizationId));
      expect((await inviteApplicant(t.app, applicant)).outcome).toBe('queued');
      const stored = await raw(applicant._id);
      expect(stored?.survey).toMatchObject({ status: 'sending', sentAt: null });
      expect(stored?.survey.tokenHash).toEqual(expect.any(String));
      expect(await events(applicant._id)).toEqual(['received']);
      // Asked again meanwhile (the job's retry, an admin): nothing more is queued.
      expect((await inviteApplicant(t.app, applicant)).outcome).toBe('already_sent');
    } finally {
      await smtp.start();
    }
    const mail = await smtp.waitForMail(applicant.email, 15_000);
    await sent(applicant._id);
    expect(await settledMailCount(applicant.email, 1)).toBe(1);
    await expect.poll(() => events(applicant._id)).toEqual(['received', 'invitation_sent']);
    const token = linkFrom(mail, `${t.config.publicUrl}/survey/`).split('/survey/')[1]!;
    expect((await apiClient(t.app).get(surveyPath(token))).statusCode).toBe(200);
  });

  test('a mail server that refuses the address for good: "Not sent" again, and the timeline says why', async () => {
    const { applicant } = await registerTestApplicant(t.app, org.organizationId);
    smtp.faults.rejectRcpt.add(applicant.email.toLowerCase());
    expect((await inviteApplicant(t.app, applicant)).outcome).toBe('queued');
    await expect
      .poll(async () => (await raw(applicant._id))?.survey.status, { timeout: 15_000 })
      .toBe('not_sent');
    expect((await raw(applicant._id))?.survey.tokenHash).toBeNull();
    expect(await events(applicant._id)).toEqual(['received', 'invitation_failed']);
    const failed = await t.db
      .collection('applicant_events')
      .findOne({ applicantId: applicant._id, type: 'invitation_failed' });
    expect(failed?.data.reason).toMatch(/refused the email.*550/);
    expect(mailsTo(applicant.email)).toHaveLength(0);
  });
});

describe('the same person applying again', () => {
  test('a second application within the window reuses the survey and gets its result once answered', async () => {
    const email = `repeat-${Date.now()}@example.com`;
    const first = await registerTestApplicant(t.app, org.organizationId, {
      email,
      postingTitle: 'Cook',
    });
    expect((await inviteApplicant(t.app, first.applicant)).outcome).toBe('queued');
    const second = await registerTestApplicant(t.app, org.organizationId, {
      email: email.toUpperCase(),
      postingTitle: 'Dishwasher',
    });
    const reused = await inviteApplicant(t.app, second.applicant);
    expect(reused.outcome).toBe('reused');
    expect(reused.applicant.reusedFrom?.equals(first.applicant._id)).toBe(true);
    // "Sending" with the first one's email (or "Sent" already), then "Sent" when it is accepted.
    expect(['sending', 'sent']).toContain(reused.applicant.survey.status);
    await sent(second.applicant._id);
    expect(await events(second.applicant._id)).toEqual(['received', 'survey_reused']);
    expect(await settledMailCount(email, 1)).toBe(1);

    // The applicant answers the one survey they got: both applications get the result.
    const token = linkFrom(await smtp.waitForMail(email), `${t.config.publicUrl}/survey/`).split(
      '/survey/',
    )[1]!;
    const submit = await apiClient(t.app).post(surveyPath(token, 'submit'), {
      answers: allNoAnswers(),
      signature,
    });
    expect(submit.statusCode).toBe(201);
    const [a, b] = [await raw(first.applicant._id), await raw(second.applicant._id)];
    expect(a).toMatchObject({ wotcStatus: 'not_qualified', survey: { status: 'submitted' } });
    expect(b).toMatchObject({ wotcStatus: 'not_qualified', survey: { status: 'submitted' } });
    expect(b?.eligibility.status).toBe('not_qualified');
    expect(b?.eligibility.detail).not.toBe(a?.eligibility.detail); // encrypted for its own record
    expect(await events(first.applicant._id)).toEqual([
      'received',
      'invitation_sent',
      'survey_submitted',
      'evaluated',
      'tag_sync_requested',
    ]);
    expect(await events(second.applicant._id)).toEqual([
      'received',
      'survey_reused',
      'result_copied',
      'tag_sync_requested',
    ]);
    // A third application after the survey was answered reuses it straight away.
    const third = await registerTestApplicant(t.app, org.organizationId, { email });
    expect((await inviteApplicant(t.app, third.applicant)).outcome).toBe('reused');
    expect(await raw(third.applicant._id)).toMatchObject({
      wotcStatus: 'not_qualified',
      survey: { status: 'submitted' },
      tagSync: { state: 'pending', tag: 'Eligo-WOTC:Not Qualified' },
    });
  });

  test('three applications of one person at once: one email, two reuse it', async () => {
    const email = `burst-${Date.now()}@example.com`;
    const applicants = await Promise.all(
      ['Cook', 'Baker', 'Driver'].map((postingTitle) =>
        registerTestApplicant(t.app, org.organizationId, { email, postingTitle }),
      ),
    );
    const results = await Promise.all(applicants.map((r) => inviteApplicant(t.app, r.applicant)));
    expect(results.map((r) => r.outcome).sort()).toEqual(['queued', 'reused', 'reused']);
    expect(await settledMailCount(email, 1)).toBe(1);
  });

  test('an earlier survey that expired unanswered is not reused: the new application is surveyed', async () => {
    const email = `expired-${Date.now()}@example.com`;
    const first = await registerTestApplicant(t.app, org.organizationId, { email });
    await inviteApplicant(t.app, first.applicant);
    await sent(first.applicant._id);
    await t.db
      .collection('applicants')
      .updateOne(
        { _id: first.applicant._id },
        { $set: { 'survey.expiresAt': new Date(Date.now() - 1000) } },
      );
    const second = await registerTestApplicant(t.app, org.organizationId, { email });
    expect((await inviteApplicant(t.app, second.applicant)).outcome).toBe('queued');
    expect(await settledMailCount(email, 2)).toBe(2);
  });

  test('with SURVEY_REUSE_DAYS=0 every application is surveyed', async () => {
    const noReuse = await createTestApp(import.meta.filename, {
      env: { SMTP_URL: smtp.url, SURVEY_REUSE_DAYS: '0' },
    });
    try {
      const o = await createOrganization(noReuse.app);
      const email = `noreuse-${Date.now()}@example.com`;
      const first = await registerTestApplicant(noReuse.app, o.organizationId, { email });
      const second = await registerTestApplicant(noReuse.app, o.organizationId, { email });
      const third = await registerTestApplicant(noReuse.app, o.organizationId, { email });
      expect((await inviteApplicant(noReuse.app, first.applicant)).outcome).toBe('queued');
      expect((await inviteApplicant(noReuse.app, second.applicant)).outcome).toBe('queued');
      // …and two of one person at the very same moment too.
      const fourth = await registerTestApplicant(noReuse.app, o.organizationId, { email });
      const together = await Promise.all(
        [third, fourth].map((r) => inviteApplicant(noReuse.app, r.applicant)),
      );
      expect(together.map((r) => r.outcome)).toEqual(['queued', 'queued']);
      expect(await settledMailCount(email, 4)).toBe(4);
    } finally {
      await noReuse.close();
    }
  });
});

describe('reminders', () => {
  test('two API instances sweeping at once send each reminder once, with the same link, until answered', async () => {
    const second = await createTestApp(import.meta.filename, {
      databaseOf: t,
      env: { SMTP_URL: smtp.url },
    });
    try {
      const { applicant } = await registerTestApplicant(t.app, org.organizationId);
      const other = await registerTestApplicant(t.app, org.organizationId);
      await inviteApplicant(t.app, applicant);
      await inviteApplicant(t.app, other.applicant);
      const invitation = await smtp.waitForMail(applicant.email);
      const link = linkFrom(invitation, `${t.config.publicUrl}/survey/`);
      await sent(applicant._id);
      const sentAt = (await raw(applicant._id))!.survey.sentAt as Date;
      const at = (hours: number) => new Date(sentAt.getTime() + hours * HOUR);

      // The other applicant answers (declines) before any reminder: they get none.
      const otherToken = linkFrom(
        await smtp.waitForMail(other.applicant.email),
        `${t.config.publicUrl}/survey/`,
      ).split('/survey/')[1]!;
      expect((await apiClient(t.app).post(surveyPath(otherToken, 'decline'))).statusCode).toBe(200);

      // Not due yet.
      await Promise.all([sweepReminders(t.app, at(23)), sweepReminders(second.app, at(23))]);
      expect(mailsTo(applicant.email)).toHaveLength(1);

      // +24 h: both instances sweep concurrently, twice; one reminder.
      const sweeps = await Promise.all([
        sweepReminders(t.app, at(25)),
        sweepReminders(second.app, at(25)),
        sweepReminders(t.app, at(25)),
        sweepReminders(second.app, at(25)),
      ]);
      expect(sweeps.reduce((n, s) => n + s.failed, 0)).toBe(0);
      await expect.poll(() => mailsTo(applicant.email).length, { timeout: 15_000 }).toBe(2);
      const reminder = mailsTo(applicant.email)[1]!;
      expect(reminder.subject).toBe(
        'Reminder: Acme Widgets asks you to complete a short tax credit survey',
      );
      expect(linkFrom(reminder, `${t.config.publicUrl}/survey/`)).toBe(link);

      // +72 h: the second reminder, once.
      await Promise.all([sweepReminders(t.app, at(73)), sweepReminders(second.app, at(73))]);
      await expect.poll(() => mailsTo(applicant.email).length, { timeout: 15_000 }).toBe(3);
      // Later sweeps queue nothing more (what they queued is all that could be sent).
      const later = await Promise.all([
        sweepReminders(t.app, at(80)),
        sweepReminders(second.app, at(90)),
      ]);
      expect(later.map((r) => r.sent)).toEqual([0, 0]);
      expect(mailsTo(applicant.email)).toHaveLength(3);
      expect(mailsTo(other.applicant.email)).toHaveLength(1);
      await expect
        .poll(async () => (await events(applicant._id)).filter((e) => e === 'reminder_sent'))
        .toHaveLength(2);
    } finally {
      await second.app.close();
      await second.db.close();
    }
  });

  test('an expired link gets no reminder', async () => {
    const { applicant } = await registerTestApplicant(t.app, org.organizationId);
    await inviteApplicant(t.app, applicant);
    await smtp.waitForMail(applicant.email);
    await sent(applicant._id);
    const sentAt = (await raw(applicant._id))!.survey.sentAt as Date;
    await t.db
      .collection('applicants')
      .updateOne(
        { _id: applicant._id },
        { $set: { 'survey.expiresAt': new Date(sentAt.getTime() + HOUR) } },
      );
    await sweepReminders(t.app, new Date(sentAt.getTime() + 25 * HOUR));
    expect(mailsTo(applicant.email)).toHaveLength(1);
  });
});
