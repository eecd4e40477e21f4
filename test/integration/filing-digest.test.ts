import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { refreshFilingFacts } from '@eligo/server/modules/applicants/index';
import { sendDueDigests } from '@eligo/server/modules/filing/index';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { createOrganization, createUser, signedIn } from '../support/factories.ts';
import type { ApiClient } from '../support/http.ts';
import { employerProfile, hireBody, hiredApplicant } from '../support/hires.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';
import { outboxSent as outboxSentIn } from '../support/wait.ts';

/**
 * The daily filing digest: at 08:00 in the organization's time zone (Chicago here), once per day
 * however many instances sweep, to the admins who did not opt out, in words; nothing when nothing
 * is due. Two app instances share the database, the SMTP server and an injected clock.
 */
const clock = testClock('2031-01-10T12:00:00Z');
let t: OrgTestApp;
let second: TestApp;

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename, { clock });
  second = await createTestApp(import.meta.filename, {
    databaseOf: t,
    clock,
    env: { SMTP_URL: t.smtp.url },
  });
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});

async function organization(legalName: string) {
  const org = await createOrganization(t.app);
  const admin = await signedIn(t.app, org.admin);
  await admin.patch('/api/organization/settings', {
    employer: employerProfile({ legalName }),
  });
  return { id: org.organizationId, admin, adminEmail: org.admin.email };
}

async function hire(
  org: { id: string; admin: ApiClient },
  name: string,
  startedOn: string,
  extra: Record<string, unknown> = {},
) {
  const { applicantId } = await hiredApplicant(t.app, org.id, {}, { name });
  const res = await org.admin.put(
    `/api/applicants/${applicantId}/hire`,
    hireBody({ startedOn, ...extra }),
  );
  expect(res.statusCode).toBe(200);
  return applicantId;
}

/** Both instances sweep at the same moment; the outcomes for one organization. */
async function sweepBoth(organizationId: string) {
  const [a, b] = await Promise.all([sendDueDigests(t.app), sendDueDigests(second.app)]);
  return [...a, ...b].filter((o) => o.organizationId === organizationId);
}

const mailsTo = (email: string) => t.smtp.received.filter((m) => m.to.includes(email));

/** The digest queues its mail in the outbox: waits until every queued message has been sent. */
const outboxSent = () => outboxSentIn(t.db);

describe('the daily digest', () => {
  test('goes out once at 08:00 in Chicago, to admins who want it, listing overdue and due soon', async () => {
    clock.set('2031-01-10T12:00:00Z');
    const org = await organization('Digest Widgets LLC');
    const optedOut = await createUser(t.app, org.id, { role: 'admin' });
    const optedOutClient = await signedIn(t.app, optedOut);
    expect(
      (await optedOutClient.patch('/api/account/preferences', { filingDigest: false })).json(),
    ).toEqual({ filingDigest: false });
    const member = await createUser(t.app, org.id, { role: 'member' });

    await hire(org, 'Olive Overdue', '2030-12-10'); // due 2031-01-07: 3 days ago
    await hire(org, 'Sam Soon', '2030-12-16'); // due 2031-01-13: in 3 days
    await hire(org, 'Tia Today', '2030-12-13'); // due 2031-01-10: today
    await hire(org, 'Larry Later', '2031-01-05'); // due 2031-02-02: not yet

    clock.set('2031-01-10T13:59:00Z'); // 07:59 in Chicago
    expect(await sweepBoth(org.id)).toEqual([]);
    expect(mailsTo(org.adminEmail)).toHaveLength(0);

    clock.set('2031-01-10T14:00:00Z'); // 08:00 in Chicago
    const outcomes = await sweepBoth(org.id);
    expect(outcomes).toEqual([
      { organizationId: org.id, day: '2031-01-10', outcome: 'sent', recipients: 1 },
    ]);
    await t.smtp.waitForMail(org.adminEmail);
    await outboxSent();
    const [mail, ...more] = mailsTo(org.adminEmail);
    expect(more).toHaveLength(0);
    expect(mailsTo(optedOut.email)).toHaveLength(0);
    expect(mailsTo(member.email)).toHaveLength(0);
    expect(mail!.subject).toBe(
      'WOTC filing: 1 hire overdue, 2 hires due within 7 days (Digest Widgets LLC)',
    );
    expect(mail!.text).toContain('Friday, January 10, 2031');
    expect(mail!.text).toContain('Central Standard Time');
    expect(mail!.text).toContain(
      '- Olive Overdue: started Dec 10, 2030, was due Jan 7, 2031 (3 days ago).',
    );
    expect(mail!.text).toContain('- Tia Today: started Dec 13, 2030, due today, Jan 10, 2031.');
    expect(mail!.text).toContain('- Sam Soon: started Dec 16, 2030, due Jan 13, 2031 (in 3 days).');
    expect(mail!.text).toMatch(/Still missing: offer and hire dates, position, wage and state/);
    expect(mail!.text.indexOf('Tia Today')).toBeLessThan(mail!.text.indexOf('Sam Soon'));
    expect(mail!.text).not.toContain('Larry Later');
    expect(mail!.text).toContain('http://localhost/filing');

    clock.set('2031-01-10T22:00:00Z'); // later that day: nothing more
    expect(await sweepBoth(org.id)).toEqual([]);
    await outboxSent();
    expect(mailsTo(org.adminEmail)).toHaveLength(1);

    clock.set('2031-01-11T14:05:00Z'); // the next morning: the next day's digest
    expect(await sweepBoth(org.id)).toMatchObject([{ day: '2031-01-11', outcome: 'sent' }]);
    const next = await t.smtp.waitForMails(org.adminEmail, 2);
    expect(next[1]!.text).toContain(
      '- Sam Soon: started Dec 16, 2030, due Jan 13, 2031 (in 2 days).',
    );
  });

  test('nothing is sent when nothing is due (the day is still decided once)', async () => {
    clock.set('2031-01-10T12:00:00Z');
    const org = await organization('Quiet Widgets LLC');
    await hire(org, 'Larry Later', '2031-01-05');
    clock.set('2031-01-10T14:30:00Z');
    expect(await sweepBoth(org.id)).toEqual([
      { organizationId: org.id, day: '2031-01-10', outcome: 'nothing_due', recipients: 0 },
    ]);
    expect(mailsTo(org.adminEmail)).toHaveLength(0);
    expect(await sweepBoth(org.id)).toEqual([]);
  });

  test('a ready hire and a flagged one say so', async () => {
    clock.set('2031-02-08T12:00:00Z');
    const org = await organization('Flag Widgets LLC');
    const complete = {
      offeredOn: '2031-01-05',
      hiredOn: '2031-01-06',
      position: 'Picker',
      startingWage: 16,
      employedInState: 'IL',
    };
    const flagged = await hire(org, 'Fay Flagged', '2031-01-15', complete);
    const ready = await hire(org, 'Rita Ready', '2031-01-14', complete);
    // The signatures, as the survey and issue 20's employer signature record them.
    for (const [id, signedAt] of [
      [flagged, '2031-01-07T18:00:00Z'],
      [ready, '2031-01-04T18:00:00Z'],
    ] as const) {
      const _id = new Types.ObjectId(id);
      const stored = await t.db.collection('applicants').findOne({ _id });
      // A signature covers the hire's values it was given for (docs/forms.md §8): these ones.
      const covers = Object.fromEntries(
        ['offeredOn', 'hiredOn', 'startedOn', 'position', 'startingWage', 'employedInState'].map(
          (field) => [field, stored!.hire[field] ?? null],
        ),
      );
      await t.db.collection('applicants').updateOne(
        { _id },
        {
          $set: {
            'survey.status': 'submitted',
            'survey.submittedAt': new Date(signedAt),
            'filing.employerSignature': {
              signedAt: new Date(signedAt),
              signedBy: 'Pat Doe',
              covers,
            },
          },
        },
      );
      await refreshFilingFacts(t.app, { _id, organizationId: new Types.ObjectId(org.id) });
    }
    clock.set('2031-02-08T15:00:00Z');
    expect(await sweepBoth(org.id)).toMatchObject([{ outcome: 'sent' }]);
    const [mail] = await t.smtp.waitForMails(org.adminEmail, 1);
    expect(mail!.text).toContain(
      '- Rita Ready: started Jan 14, 2031, due Feb 11, 2031 (in 3 days). Ready to file.',
    );
    expect(mail!.text).toContain(
      '- Fay Flagged: started Jan 15, 2031, due Feb 12, 2031 (in 4 days). Screened after the offer: the survey was signed on Jan 7, 2031, after the offer on Jan 5, 2031; the state is likely to deny it.',
    );
  });
});

describe('GET/PATCH /api/account/preferences', () => {
  test('on by default; each user sets their own; a bad body changes nothing', async () => {
    const member = await signedIn(t.app, await createUser(t.app, t.org.organizationId));
    expect((await member.get('/api/account/preferences')).json()).toEqual({ filingDigest: true });
    expect(
      (await member.patch('/api/account/preferences', { filingDigest: false })).json(),
    ).toEqual({
      filingDigest: false,
    });
    expect((await t.admin.get('/api/account/preferences')).json()).toEqual({ filingDigest: true });
    for (const body of [{}, { filingDigest: 'no' }, { digest: true }]) {
      expect((await member.patch('/api/account/preferences', body)).statusCode).toBe(400);
    }
    expect((await member.get('/api/account/preferences')).json()).toEqual({ filingDigest: false });
  });
});
