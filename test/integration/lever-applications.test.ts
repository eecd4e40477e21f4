import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import { createOrganization, signedIn } from '../support/factories.ts';
import type { ApiClient } from '../support/http.ts';
import { signedDelivery, startLeverTestbed, type LeverTestbed } from '../support/lever.ts';
import { linkFrom, type TestSmtpServer } from '../support/smtp.ts';
import { hostAndPort, startTcpProxy } from '../support/tcp-proxy.ts';
import { waitFor } from '../support/wait.ts';

/**
 * New applications (issue 9): a candidate created in the Lever emulator reaches the app over real
 * HTTP as a webhook, becomes an applicant and gets the survey email on a real SMTP server —
 * exactly once, whatever Lever, the network or the database do.
 */
let bed: LeverTestbed;
let smtp: TestSmtpServer;
let admin: ApiClient;
let organizationName: string;
let organizationId: string;
let integrationId: string;

beforeAll(async () => {
  bed = await startLeverTestbed(import.meta.filename, { mail: true });
  smtp = bed.smtp!;
});
afterAll(() => bed.close());
beforeEach(async () => {
  ({ admin, organizationId } = await bed.startOver({ connect: true }));
  const org = await bed.t.db
    .collection('organizations')
    .findOne({ _id: new Types.ObjectId(organizationId) });
  organizationName = org!.name as string;
  integrationId = (await bed.tile(admin)).id;
});

const unique = () => new Types.ObjectId().toHexString().slice(-8);
const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));

const apply = (fields: Record<string, unknown>) => bed.apply(fields);

const applicantOf = (opportunityId: string) =>
  bed.t.db.collection('applicants').findOne({ 'lever.opportunityId': opportunityId });

/** The applicant as the dashboard shows it, once it exists. */
async function listed(opportunityId: string) {
  const stored = await waitFor(`the applicant of ${opportunityId}`, () =>
    applicantOf(opportunityId),
  );
  const response = await admin.get(`/api/applicants/${String(stored._id)}`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

/** Waits until the job of every inbox row has settled, and returns the rows. */
async function settledInbox() {
  return waitFor('the inbox to be processed', async () => {
    const rows = await bed.t.db
      .collection('leverinboxitems')
      .find({ integrationId: new Types.ObjectId(integrationId) })
      .toArray();
    return rows.length > 0 && rows.every((r) => r.status === 'processed' || r.status === 'failed')
      ? rows
      : null;
  });
}

/** `count` mails reach `address`, and no more once everything has settled. */
async function exactlyMails(address: string, count: number) {
  await smtp.waitForMails(address, count);
  await bed.settled(organizationId);
  expect(mailsTo(address)).toHaveLength(count);
}

describe('an application created in Lever', () => {
  test('becomes an applicant who gets the survey email, with a link that opens the survey', async () => {
    const email = `dana-${unique()}@example.net`;
    const opportunityId = await apply({ name: 'Dana Rivera', email });
    const mail = await smtp.waitForMail(email);
    const link = linkFrom(mail, `${bed.appUrl}/survey/`);
    const token = new URL(link).pathname.split('/').pop()!;
    const survey = await fetch(`${bed.appUrl}/api/survey/${token}`);
    expect(survey.status).toBe(200);
    await exactlyMails(email, 1);

    // The job has ended (the invitation is on the timeline) and the link has been opened.
    const applicant = await listed(opportunityId);
    expect(applicant).toMatchObject({
      name: 'Dana Rivera',
      email,
      postingTitle: 'Warehouse Associate',
      surveyStatus: 'opened',
    });
    const timeline = applicant.timeline.map((e: { type: string }) => e.type);
    expect(timeline).toEqual(expect.arrayContaining(['received', 'invitation_sent']));
    const [row] = await settledInbox();
    expect(row).toMatchObject({ status: 'processed', applicantId: expect.anything() });
  });

  test('without an email: listed as Missing email, nothing sent; an admin adds one and it goes out', async () => {
    const opportunityId = await apply({ name: 'No Mail Person', email: null });
    await settledInbox();
    const applicant = await listed(opportunityId);
    expect(applicant.surveyStatus).toBe('missing_email');

    const email = `found-${unique()}@example.net`;
    const fixed = await admin.post(`/api/applicants/${applicant.id}/email`, { email });
    expect(fixed.statusCode).toBe(200);
    await exactlyMails(email, 1);
  });

  test('deleted in Lever before we read it: no applicant, the delivery is marked failed with why', async () => {
    const opportunityId = await apply({
      name: 'Gone Quickly',
      email: `gone-${unique()}@example.net`,
      deleteAfterEvent: true,
    });
    const [row] = await settledInbox();
    expect(row).toMatchObject({ status: 'failed', failure: expect.stringMatching(/deleted/) });
    expect(await applicantOf(opportunityId)).toBeNull();
    expect((await bed.tile(admin)).unreadApplications).toEqual({
      count: 1,
      lastReason: expect.stringMatching(/deleted in Lever/),
    });
  });

  test('a confidential opportunity (Eligo has no confidential access) is recorded as unreadable', async () => {
    const opportunityId = await apply({
      name: 'Secret Hire',
      email: `secret-${unique()}@example.net`,
      confidential: true,
    });
    const [row] = await settledInbox();
    expect(row).toMatchObject({ status: 'failed', failure: expect.stringMatching(/confidential/) });
    expect(await applicantOf(opportunityId)).toBeNull();
  });

  test.each([400, 414, 422])(
    'Lever refusing the opportunity for good (%i): the delivery is failed with why, counted on the tile, not retried',
    async (status) => {
      await bed.control('POST', '/faults', { status, count: 1, pathPrefix: '/opportunities' });
      const opportunityId = await apply({
        name: 'Refused',
        email: `refused-${unique()}@example.net`,
      });
      const [row] = await settledInbox();
      expect(row).toMatchObject({
        status: 'failed',
        failure: expect.stringContaining(`HTTP ${status}`),
      });
      expect(await applicantOf(opportunityId)).toBeNull();
      expect((await bed.tile(admin)).unreadApplications).toMatchObject({ count: 1 });
      const job = await bed.t.db.collection('jobs').findOne({ key: row!._id });
      expect(job).toMatchObject({ state: 'dead', revivable: false, attempt: 1 });
    },
  );

  test('an anonymized candidate is kept without name or email and never emailed', async () => {
    const email = `anon-${unique()}@example.net`;
    const opportunityId = await apply({ name: 'Anne Onymous', email, anonymized: true });
    await settledInbox();
    const applicant = await listed(opportunityId);
    expect(applicant).toMatchObject({ name: '', anonymized: true });
    expect(applicant.email ?? '').toBe('');
    expect(mailsTo(email)).toHaveLength(0);
  });

  test('Lever answering 429 (with Retry-After) and 503 delays the applicant, never loses it', async () => {
    await bed.control('POST', '/faults', {
      status: 429,
      count: 1,
      pathPrefix: '/opportunities',
      retryAfterSeconds: 1,
    });
    await bed.control('POST', '/faults', { status: 503, count: 1, pathPrefix: '/opportunities' });
    const email = `busy-${unique()}@example.net`;
    const opportunityId = await apply({ name: 'Busy Lever', email });
    await exactlyMails(email, 1);
    expect((await listed(opportunityId)).name).toBe('Busy Lever');
    const faults = (await bed.control('GET', '/faults')).body;
    expect(faults.data ?? faults).toEqual([]);
  });
});

describe('duplicates never survey twice', () => {
  test('the same signed delivery 20× at once → one applicant, one email', async () => {
    const email = `twenty-${unique()}@example.net`;
    // The opportunity exists in Lever, with its event group switched off: we deliver by hand.
    await bed.control('PUT', '/event-groups/applicationCreated', { enabled: false });
    const opportunityId = await apply({ name: 'Twenty Times', email });
    const signatureToken = bed.lever.state.webhooks.values().next().value!.signatureToken;
    const { url } = (await bed.tile(admin)).webhook;
    const delivery = signedDelivery(signatureToken, { data: { opportunityId } });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(delivery),
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    await exactlyMails(email, 1);
    expect(
      await bed.t.db
        .collection('applicants')
        .countDocuments({ 'lever.opportunityId': opportunityId }),
    ).toBe(1);
  });

  test('Lever duplicating deliveries, and retrying with fresh tokens after lost answers → one each', async () => {
    await bed.control('PATCH', '/switches', { duplicateDeliveries: true, retryToken: 'fresh' });
    await bed.control('POST', '/delivery-faults', { lostResponses: 2 });
    const emails = [`dup-a-${unique()}@example.net`, `dup-b-${unique()}@example.net`];
    for (const [i, email] of emails.entries()) await apply({ name: `Dup ${i}`, email });
    for (const email of emails) await exactlyMails(email, 1);
    const ours = { 'lever.integrationId': integrationId };
    expect(await bed.t.db.collection('applicants').countDocuments(ours)).toBe(2);
  });
});

describe('failures on our side', () => {
  test(
    'the database cut during a delivery → 503 to Lever; the redelivery is processed once',
    { timeout: 60_000 },
    async () => {
      const target = hostAndPort(inject('mongoUri'));
      const proxy = await startTcpProxy(target.host, target.port);
      const viaProxy = await startLeverTestbed(import.meta.filename, {
        mail: true,
        app: { mongoUri: `mongodb://127.0.0.1:${proxy.port}`, serverSelectionTimeoutMS: 1_000 },
        emulator: { retryDelaysMs: [1_000, 2_000, 3_000, 4_000, 5_000], retryDelayScale: 1 },
      });
      const cutSmtp = viaProxy.smtp!;
      try {
        const org = await createOrganization(viaProxy.t.app);
        const client = await signedIn(viaProxy.t.app, org.admin);
        expect(await viaProxy.connect(client)).toBe('connected');
        await proxy.cut();
        const email = `cut-${unique()}@example.net`;
        await viaProxy.apply({ name: 'Cut Off', email });
        await waitFor('a 503 answer to Lever', async () => {
          const [delivery] = (await viaProxy.control('GET', '/deliveries')).body.data;
          return delivery?.attempts[0]?.status === 503;
        });
        await proxy.restore();
        await cutSmtp.waitForMail(email, 30_000);
        await viaProxy.settled(org.organizationId);
        expect(cutSmtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
        expect(await viaProxy.t.db.collection('applicants').countDocuments()).toBe(1);
      } finally {
        await viaProxy.close();
        await proxy.close();
      }
    },
  );

  test(
    'a processing job interrupted by a shutdown completes on the next instance, once',
    { timeout: 60_000 },
    async () => {
      const rb = await startLeverTestbed(import.meta.filename, {
        mail: true,
        app: {
          env: {
            JOBS_DRAIN_TIMEOUT_MS: '100',
          },
        },
      });
      const restartSmtp = rb.smtp!;
      try {
        const org = await createOrganization(rb.t.app);
        expect(await rb.connect(await signedIn(rb.t.app, org.admin))).toBe('connected');
        // Lever is slow to answer the first read: the job is running when its instance stops.
        await rb.control('POST', '/faults', {
          delayMs: 3_000,
          count: 1,
          pathPrefix: '/opportunities',
        });
        const email = `restart-${unique()}@example.net`;
        await rb.apply({ name: 'Restart', email });
        await waitFor('the processing job to run', () =>
          rb.t.db.collection('jobs').findOne({ type: 'lever.application', state: 'running' }),
        );
        await rb.t.app.close();
        expect(restartSmtp.received).toHaveLength(0);

        const next = await rb.secondInstance();
        await next.ready();
        await restartSmtp.waitForMail(email, 20_000);
        const job = await waitFor('the job to succeed', () =>
          rb.t.db.collection('jobs').findOne({ type: 'lever.application', state: 'succeeded' }),
        );
        // The shutdown aborted the hanging Lever call and released the job (attempt not counted).
        expect(job.history.map((h: { event: string }) => h.event)).toContain('released');
        await rb.settled(org.organizationId);
        expect(restartSmtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
      } finally {
        await rb.close();
      }
    },
  );
});

test('the survey email names the organization and says how long the link works', async () => {
  const email = `words-${unique()}@example.net`;
  await apply({ name: 'Word Reader', email });
  const mail = await smtp.waitForMail(email);
  expect(mail.text).toContain(organizationName);
  expect(mail.text).toMatch(/link works until \w+ \d+, \d{4}/);
});
