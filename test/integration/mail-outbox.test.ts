import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { MailRef } from '@eligo/server/plugins/mail';
import { createTestApp, type TestApp } from '../support/app.ts';
import { apiClient } from '../support/http.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';
import { outboxSent, waitFor } from '../support/wait.ts';

/**
 * The mail outbox (docs/reliability.md §4): a message is stored (encrypted) before anything is
 * sent, delivered by a job with its fixed Message-ID, marked sent only on the server's "250",
 * retried as the same message after an ambiguous failure, refused for good on a 5xx to the
 * recipient, dropped when superseded, and revived by the next successful send after its budget ran
 * out. A real SMTP server that the tests stall, stop and start.
 */
let t: OrgTestApp;
let organizationId: Types.ObjectId;
const told: Array<{ kind: string; event: string; ref: MailRef; detail?: string }> = [];
let wanted = true;

const env = {
  JOBS_POLL_INTERVAL_MS: '50',
  SMTP_TIMEOUT_SECONDS: '2',
  // The budget of mail retries: 4 s here (72 h by default), so dying and revival fit in a test.
  MAIL_RETRY_HOURS: String(4 / 3600),
};

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename, { env });
  organizationId = new Types.ObjectId(t.org.organizationId);
  for (const kind of ['test.note', 'test.superseded'])
    t.app.mail.handle(kind, {
      stillWanted: async () => (kind === 'test.superseded' ? wanted : true),
      sent: async (ref) => void told.push({ kind, event: 'sent', ref }),
      rejected: async (ref, _org, reason) =>
        void told.push({ kind, event: 'rejected', ref, detail: reason }),
    });
});
afterAll(() => t?.close());

let n = 0;
const note = (text = 'secret link http://localhost/survey/TOKEN-123') => {
  n += 1;
  return { to: `person-${n}-${Date.now()}@example.com`, subject: `Note ${n}`, text };
};
const mailJobs = () => t.db.collection('jobs').find({ type: 'mail.send' }).toArray();
const jobOf = async (id: string) => (await mailJobs()).find((j) => j.payload?.ref?.id === id);
const stateOf = async (id: string) => (await jobOf(id))?.state as string | undefined;

describe('the outbox', () => {
  // Each test stops the server or injects a fault for "the next message": none of another test's
  // messages may still be on its way (the order is shuffled in CI).
  beforeEach(() => outboxSent(t.db));

  test('a message is stored encrypted before sending; with the server down it waits, then goes out once when the server is back', async () => {
    const mail = note();
    await t.smtp.stop();
    try {
      await t.app.mail.enqueue(mail, { organizationId, kind: 'test.note', ref: { id: 'down' } });
      // Stored before enqueue() resolved, sealed: neither the link nor the address in clear.
      const row = await jobOf('down');
      expect(row).toBeDefined();
      expect(JSON.stringify(row)).not.toContain('TOKEN-123');
      expect(JSON.stringify(row)).not.toContain(mail.to);
      await waitFor('a failed attempt', async () => ((await jobOf('down'))?.attempt ?? 0) >= 1);
      expect(t.smtp.received.filter((m) => m.to.includes(mail.to))).toHaveLength(0);
      expect(told.find((x) => x.ref.id === 'down')).toBeUndefined();
    } finally {
      await t.smtp.start();
    }
    const delivered = await waitFor('the message', () =>
      t.smtp.received.find((m) => m.to.includes(mail.to)),
    );
    await waitFor('sent', async () => (await stateOf('down')) === 'succeeded');
    expect(told.filter((x) => x.ref.id === 'down').map((x) => x.event)).toEqual(['sent']);
    const logged = await t.db.collection('mails').findOne({ messageId: delivered.messageId });
    expect(logged).toMatchObject({ transport: 'smtp', kind: 'test.note', text: null });
    expect((await jobOf('down'))!.payload.messageId).toBe(delivered.messageId);
  });

  test('no "250" after the data: the same message (same Message-ID, same text) is sent again, and marked sent only then', async () => {
    const mail = note('your link: http://localhost/survey/SAME-LINK');
    t.smtp.faults.swallowData = 1;
    await t.app.mail.enqueue(mail, { organizationId, kind: 'test.note', ref: { id: 'ambiguous' } });
    const [copy] = await t.smtp.waitForMails(mail.to, 1, 20_000);
    const first = t.smtp.swallowed.find((m) => m.to.includes(mail.to));
    expect(first).toBeDefined();
    expect(copy!.messageId).toBe(first!.messageId);
    expect(copy!.text).toBe(first!.text);
    await waitFor('sent', async () => (await stateOf('ambiguous')) === 'succeeded');
    const job = (await jobOf('ambiguous'))!;
    expect(job.attempt).toBe(2);
    expect(job.history.find((h: { event: string }) => h.event === 'failed').error).toMatch(
      /timeout/i,
    );
    expect(told.filter((x) => x.ref.id === 'ambiguous').map((x) => x.event)).toEqual(['sent']);
  });

  test('a 5xx to the recipient is final: dead at once (not revivable), the module told why, no retry', async () => {
    const mail = note();
    t.smtp.faults.rejectRcpt.add(mail.to);
    await t.app.mail.enqueue(mail, { organizationId, kind: 'test.note', ref: { id: 'refused' } });
    await waitFor('dead', async () => (await stateOf('refused')) === 'dead');
    const job = (await jobOf('refused'))!;
    expect(job).toMatchObject({ attempt: 1, revivable: false });
    expect(told.filter((x) => x.ref.id === 'refused')).toEqual([
      expect.objectContaining({ event: 'rejected', detail: expect.stringMatching(/550/) }),
    ]);
    expect(t.smtp.received.filter((m) => m.to.includes(mail.to))).toHaveLength(0);
  });

  test('a message its module no longer wants (its link was replaced) is dropped unsent', async () => {
    const mail = note();
    await t.smtp.stop();
    try {
      await t.app.mail.enqueue(mail, {
        organizationId,
        kind: 'test.superseded',
        ref: { id: 'superseded' },
      });
      await waitFor('a failed attempt', async () =>
        ((await jobOf('superseded'))?.history ?? []).some(
          (h: { event: string }) => h.event === 'failed',
        ),
      );
      wanted = false;
      // Dropped by the next attempt without reaching for the server, which is still down (and an
      // attempt that asked before the change fails against it rather than sending).
      await waitFor('dropped', async () => (await stateOf('superseded')) === 'succeeded');
    } finally {
      await t.smtp.start();
    }
    expect(t.smtp.received.filter((m) => m.to.includes(mail.to))).toHaveLength(0);
    expect(told.find((x) => x.ref.id === 'superseded')).toBeUndefined();
  });

  test('mail whose budget ran out while the server was down is dead, and a successful send revives it', async () => {
    const stranded = note();
    const deadBefore = (await t.app.jobs.deadCounts(organizationId)).mail!;
    await t.smtp.stop();
    try {
      await t.app.mail.enqueue(stranded, {
        organizationId,
        kind: 'test.note',
        ref: { id: 'dead' },
      });
      await waitFor('dead', async () => (await stateOf('dead')) === 'dead', { timeoutMs: 30_000 });
      expect(await jobOf('dead')).toMatchObject({ revivable: true });
      expect(await t.app.jobs.deadCounts(organizationId)).toMatchObject({ mail: deadBefore + 1 });
    } finally {
      await t.smtp.start();
    }
    // Each successful send asks for a revival, at most one per process every 10 s (an earlier
    // test's send may have just used it): healthy mail goes out until one of them revives it.
    await waitFor(
      'a successful send to revive it',
      async () => {
        if (t.smtp.received.some((m) => m.to.includes(stranded.to))) return true;
        await t.app.mail.enqueue(note(), {
          organizationId,
          kind: 'test.note',
          ref: { id: 'healthy' },
        });
        return false;
      },
      { timeoutMs: 40_000, everyMs: 2_000 },
    );
    await waitFor('revived and sent', async () => (await stateOf('dead')) === 'succeeded');
    expect((await jobOf('dead'))!.history.map((h: { event: string }) => h.event)).toContain(
      'revived',
    );
    expect(t.smtp.received.filter((m) => m.to.includes(stranded.to))).toHaveLength(1);
  }, 90_000);

  test('with a key, one message per key ever', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        t.app.mail.enqueue(note(), {
          organizationId,
          kind: 'test.note',
          key: 'once',
          ref: { id: 'k' },
        }),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect((await mailJobs()).filter((j) => j.payload?.ref?.id === 'k')).toHaveLength(1);
  });
});

describe('without SMTP (development)', () => {
  let dev: TestApp;
  beforeAll(async () => {
    dev = await createTestApp(import.meta.filename, {
      env: { JOBS_POLL_INTERVAL_MS: '50', DEV_MAILBOX: 'true' },
    });
  });
  afterAll(() => dev?.close());

  test('the outbox delivers into the dev mailbox, which shows the whole message', async () => {
    const mail = note('Open http://localhost/survey/DEV-TOKEN');
    await dev.app.mail.enqueue(mail, { organizationId: new Types.ObjectId(), kind: 'dev.note' });
    const shown = await waitFor('the dev mailbox', async () => {
      const res = await apiClient(dev.app).get(
        `/api/dev/mailbox?to=${encodeURIComponent(mail.to)}`,
      );
      return (res.json() as { items: Array<{ text: string; subject: string }> }).items[0];
    });
    expect(shown).toMatchObject({ subject: mail.subject, text: mail.text });
  });
});
