import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import { afterAll, beforeAll, expect } from 'vitest';
import { apiClient } from '../support/http.ts';
import { startLeverTestbed, type LeverTestbed } from '../support/lever.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/round-robin-proxy.ts';
import { scenario } from '../support/scenario.ts';
import { linkFrom, type TestSmtpServer } from '../support/smtp.ts';
import { allNoAnswers, signature, surveyPath, today } from '../support/survey.ts';
import { waitFor } from '../support/wait.ts';

/**
 * Production runs N API instances behind a load balancer on one database (issue 11 item 3). Two app
 * instances here, both running jobs, behind a round-robin balancer at the app's PUBLIC_URL, which is
 * where the Lever emulator delivers its webhooks; every event is delivered twice (the emulator's
 * `duplicateDeliveries`), so the two copies of one application reach different instances. Each
 * application must become one applicant with one survey email, and each submitted survey one tag
 * written to Lever once (the emulator's request log counts the addTags calls).
 */
const CANDIDATES = 6;
let smtp: TestSmtpServer;
let bed: LeverTestbed;
let b: FastifyInstance;
let balancer: RoundRobinProxy;

beforeAll(async () => {
  bed = await startLeverTestbed(import.meta.filename, {
    balanced: true,
    mail: true,
    app: {
      env: {
        SURVEY_RATE_LIMIT_PER_MINUTE: '10000',
        SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '10000',
      },
    },
  });
  smtp = bed.smtp!;
  b = await bed.secondInstance();
  const a = bed.t.app;
  const targets = [
    await a.listen({ port: 0, host: '127.0.0.1' }),
    await b.listen({ port: 0, host: '127.0.0.1' }),
  ];
  balancer = await startRoundRobinProxy(Number(new URL(bed.appUrl).port), targets);
});
afterAll(async () => {
  await balancer?.close();
  await bed?.close();
});

const candidates = Array.from({ length: CANDIDATES }, (_, n) => ({
  name: `Morgan Twoinstance${String.fromCharCode(65 + n)}`,
  email: `morgan.${n}@two-instances.example`,
  // Even candidates qualify (SSI last month), odd ones do not.
  qualifies: n % 2 === 0,
}));

scenario(
  'deliveries alternating between two instances: each applicant once, each email once, each tag once',
  (step) => {
    let organizationId: string;
    const opportunities = new Map<string, (typeof candidates)[number]>();
    const expectedTag = (qualifies: boolean) =>
      qualifies ? 'Eligo-WOTC:Pre Qualified' : 'Eligo-WOTC:Not Qualified';

    step(
      'both copies of every delivery reach the instances; each application is in the inbox once',
      async () => {
        ({ organizationId } = await bed.startOver({ connect: true }));
        expect(
          (await bed.control('PATCH', '/switches', { duplicateDeliveries: true })).status,
        ).toBe(200);
        for (const candidate of candidates) {
          opportunities.set(
            await bed.apply({ name: candidate.name, email: candidate.email }),
            candidate,
          );
        }

        // Both copies of every delivery went through the balancer, so both instances received some,
        // and each application is in the inbox once.
        await waitFor('both copies of every delivery answered 2xx', async () => {
          const { body } = await bed.control('GET', '/deliveries?event=applicationCreated');
          const outcomes = body.data.map((d: { outcome: string }) => d.outcome);
          return (
            outcomes.length === 2 * CANDIDATES && outcomes.every((o: string) => o === 'succeeded')
          );
        });
        expect(balancer.forwarded.every((n) => n >= CANDIDATES / 2)).toBe(true);
        expect(
          await bed.t.db
            .collection('leverinboxitems')
            .countDocuments({ organizationId: new Types.ObjectId(organizationId) }),
        ).toBe(CANDIDATES);
      },
    );

    step(
      'every candidate is emailed once, whichever instance got which copy',
      async () => {
        for (const { email } of candidates) await smtp.waitForMail(email, 60_000);
        await flowSettled();
        for (const { email } of candidates)
          expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
        const applicants = await bed.t.db
          .collection('applicants')
          .find({ organizationId: new Types.ObjectId(organizationId) })
          .toArray();
        expect(applicants.map((a) => a.lever.opportunityId).sort()).toEqual(
          [...opportunities.keys()].sort(),
        );
      },
      120_000,
    );

    step('each applicant submits the survey, alternately through each instance', async () => {
      for (const [n, candidate] of candidates.entries()) {
        const mail = (await smtp.waitForMails(candidate.email, 1))[0]!;
        const token = linkFrom(mail, `${bed.appUrl}/survey/`).split('/survey/')[1]!;
        const client = apiClient(n % 2 === 0 ? bed.t.app : b);
        const answers = candidate.qualifies
          ? allNoAnswers({ q_ssi: 'yes', q_ssi_last_month: today().slice(0, 7) })
          : allNoAnswers();
        const submitted = await client.post(surveyPath(token, 'submit'), {
          answers,
          signature,
        });
        expect(submitted.statusCode, submitted.body).toBe(201);
      }
    });

    step(
      'each opportunity carries its one WOTC tag in Lever, written by one addTags call',
      async () => {
        await waitFor('every tag written to Lever', async () => {
          for (const [id, candidate] of opportunities) {
            const { body } = await bed.control('GET', `/opportunities/${id}`);
            if (!body.data.tags.includes(expectedTag(candidate.qualifies))) return false;
          }
          return true;
        });
        await flowSettled();
        const tagCalls = (
          await bed.control('GET', '/requests?method=POST&pathPrefix=/opportunities/')
        ).body.data as Array<{ path: string; status: number; body: { tags: string[] } }>;
        for (const [id, candidate] of opportunities) {
          const { body } = await bed.control('GET', `/opportunities/${id}`);
          expect(body.data.tags.filter((tag: string) => tag.startsWith('Eligo-WOTC:'))).toEqual([
            expectedTag(candidate.qualifies),
          ]);
          const calls = tagCalls.filter((c) => c.path.startsWith(`/opportunities/${id}/addTags`));
          expect(calls.map((c) => [c.status, c.body.tags])).toEqual([
            [200, [expectedTag(candidate.qualifies)]],
          ]);
        }
        for (const { email } of candidates)
          expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
        // Which instance ran what (each claim is a lease document naming its owner): for the log only,
        // the split depends on timing.
        const owners = await bed.t.db
          .collection('job_leases')
          .aggregate([{ $group: { _id: '$owner', claims: { $sum: 1 } } }])
          .toArray();
        console.log(
          `[two instances] deliveries per instance ${JSON.stringify(balancer.forwarded)}, job claims per instance ${JSON.stringify(owners.map((o) => o.claims))}`,
        );
      },
      120_000,
    );
  },
);

/** Waits until no job of the flow is waiting or running on either instance. */
async function flowSettled(): Promise<void> {
  await waitFor(
    'the flow jobs to settle',
    async () =>
      (await bed.t.db.collection('jobs').countDocuments({
        state: { $in: ['queued', 'running', 'retrying'] },
      })) === 0,
    { timeoutMs: 60_000 },
  );
}
