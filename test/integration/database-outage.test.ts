import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { startOwnFerretDb2 } from '../support/database.ts';
import { createApplicantWithSurveyLink } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { startLeverTestbed, type LeverTestbed } from '../support/lever.ts';
import { allNoAnswers, surveyPath } from '../support/survey.ts';
import { hostAndPort, startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { waitFor } from '../support/wait.ts';

/**
 * The database goes away (issue 25, item 3): every route — the webhook, the public survey, the
 * admin's — answers 503 in the shared error shape with Retry-After, never a 500; once it is back
 * nothing is lost: Lever's redelivery is stored and processed once, the applicant gets one email,
 * the survey is submitted once. Two outages: the connection cut (a TCP proxy resetting every
 * socket), and PostgreSQL killed with SIGKILL under a running FerretDB 2 (which then answers with
 * its backend's errors, code 1).
 */
const emulator = { retryDelaysMs: [1_000, 2_000, 3_000, 4_000, 5_000], retryDelayScale: 1 };
const answer = { answers: allNoAnswers(), signature: { fullName: 'Ada Lovelace', agreed: true } };

interface Reply {
  statusCode: number;
  headers: Record<string, unknown>;
  json(): unknown;
}

let lastLogs: Array<Record<string, unknown>> = [];

function unavailable(reply: Reply, what: string) {
  // On a mismatch, the error the server logged says what it did not recognize.
  const logged =
    reply.statusCode === 503
      ? undefined
      : String(
          JSON.stringify(lastLogs.findLast((l) => l.msg === 'request failed')?.err) ??
            'no failed request was logged',
        ).slice(0, 600);
  expect({ what, status: reply.statusCode, logged }).toEqual({ what, status: 503 });
  expect(reply.json()).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
  expect(reply.headers['retry-after']).toMatch(/^\d+$/);
}

/** The same outage drill against a testbed whose database `down()` takes away and `up()` brings back. */
async function drill(bed: LeverTestbed, down: () => Promise<void>, up: () => Promise<void>) {
  const { admin, organizationId } = await bed.startOver({ connect: true });
  const { token } = await createApplicantWithSurveyLink(bed.t.app, organizationId);
  const email = `outage-${new Types.ObjectId().toHexString()}@example.net`;
  const survey: ApiClient = apiClient(bed.t.app);
  lastLogs = bed.t.logs;

  await down();
  try {
    // The outage is in effect once the API's own probe sees it: PostgreSQL's backends outlive a
    // SIGKILLed postmaster by a moment, and may answer a query or two in between.
    await waitFor('the API to see the database away', async () => {
      return (await survey.get('/api/ready')).statusCode === 503;
    });
    unavailable(await survey.get(surveyPath(token)), 'open the survey');
    unavailable(await survey.post(surveyPath(token, 'submit'), answer), 'submit the survey');
    unavailable(await admin.get('/api/applicants'), 'the dashboard');
    unavailable(await admin.post('/api/jobs/retry', { kind: 'mail' }), 'retry all');
    // Lever's delivery: answered 503, so Lever retries it.
    await bed.apply({ name: 'During Outage', email });
    await expect
      .poll(async () => (await bed.control('GET', '/deliveries')).body.data[0]?.attempts[0], {
        timeout: 15_000,
      })
      .toMatchObject({ status: 503 });
  } finally {
    await up();
  }

  // Back: the redelivery is stored once, the applicant is registered once and emailed once.
  await bed.smtp!.waitForMail(email, 30_000);
  await bed.settled(organizationId);
  const org = new Types.ObjectId(organizationId);
  expect(await bed.t.db.collection('leverinboxitems').countDocuments({ organizationId: org })).toBe(
    1,
  );
  expect(
    await bed.t.db.collection('applicants').countDocuments({ organizationId: org, email }),
  ).toBe(1);
  expect(bed.smtp!.received.filter((m) => m.to.includes(email))).toHaveLength(1);
  // The survey answered during the outage can be answered now, once.
  expect((await survey.post(surveyPath(token, 'submit'), answer)).statusCode).toBe(201);
  expect((await survey.post(surveyPath(token, 'submit'), answer)).statusCode).toBe(404);
  expect((await admin.get('/api/applicants')).statusCode).toBe(200);
}

describe('the connection to the database is cut', () => {
  let proxy: TcpProxy;
  let bed: LeverTestbed;
  beforeAll(async () => {
    const target = hostAndPort(inject('mongoUri'));
    proxy = await startTcpProxy(target.host, target.port);
    bed = await startLeverTestbed(import.meta.filename, {
      mail: true,
      app: { mongoUri: `mongodb://127.0.0.1:${proxy.port}`, serverSelectionTimeoutMS: 1_000 },
      emulator,
    });
  });
  afterAll(async () => {
    await bed?.close();
    await proxy?.close();
  });

  test('503 everywhere while it is cut; nothing lost once it is back', { timeout: 120_000 }, () =>
    drill(
      bed,
      () => proxy.cut(),
      () => proxy.restore(),
    ),
  );
});

describe('PostgreSQL is killed under FerretDB 2', () => {
  const reasons: string[] = [];
  let ferret: Awaited<ReturnType<typeof startOwnFerretDb2>>;
  let bed: LeverTestbed | undefined;
  beforeAll(async () => {
    ferret = await startOwnFerretDb2((line) => reasons.push(line));
    if (!ferret) return;
    bed = await startLeverTestbed(import.meta.filename, {
      mail: true,
      app: { mongoUri: ferret.uri, databaseServerUri: ferret.uri, serverSelectionTimeoutMS: 1_000 },
      emulator,
    });
  }, 300_000);
  afterAll(async () => {
    await bed?.close();
    await ferret?.stop();
  });

  test(
    'SIGKILL: FerretDB answers with its backend errors, the API with 503; after a restart nothing is lost',
    { timeout: 180_000 },
    async (context) => {
      if (!ferret || !bed) {
        // Visible in the report, with the reason: CI builds the engine, so it runs there.
        context.skip(`FerretDB 2 cannot run here: ${reasons.join('; ')}`);
        return;
      }
      const postgres = ferret.postgres;
      await drill(
        bed,
        () => postgres.kill('SIGKILL'),
        () => postgres.restart(),
      );
      // What FerretDB said while PostgreSQL was gone was logged as a server fault, mapped to 503.
      const faults = bed.t.logs.filter(
        (l) => l.msg === 'request failed' && (l.statusCode as number) === 503,
      );
      expect(JSON.stringify(faults)).toMatch(/postmaster|failed to connect to/);
    },
  );
});
