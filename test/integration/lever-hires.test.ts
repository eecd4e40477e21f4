import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EMPTY_EMPLOYER_PROFILE } from '@eligo/shared/filing';
import { leverIntegrationModel } from '@eligo/server/modules/lever/integration.model';
import {
  requestReconcile,
  scheduleReconciles,
} from '@eligo/server/modules/lever/sync/reconcile-queue';
import { createUser, signedIn } from '../support/factories.ts';
import { daysAgo } from '../support/dates.ts';
import { startLeverTestbed, type LeverTestbed } from '../support/lever.ts';
import { waitFor } from '../support/wait.ts';

/**
 * Hires from Lever (issue 19 item 2), over real HTTP with the emulator: the Candidate hired
 * webhook, the offer's dates, the reconcile for a lost webhook (once, on two instances at once),
 * and a grant without the offers scope.
 */
let bed: LeverTestbed;
let other: FastifyInstance;

beforeAll(async () => {
  bed = await startLeverTestbed(import.meta.filename);
  other = await bed.secondInstance();
});
afterAll(() => bed.close());

/** Instants from days ago: 03:30 UTC is still the day before in New York (EST and EDT alike). */
const at = (day: string, time: string) => Date.parse(`${day}T${time}Z`);
const OFFER = {
  offerSentAt: at(daysAgo(10), '03:30:00'),
  anticipatedStartDate: at(daysAgo(-10), '00:00:00'),
  hiredAt: at(daysAgo(3), '15:00:00'),
  jobTitle: 'Forklift Operator',
  salaryAmount: 18.5,
  salaryInterval: 'per-hour-wage',
};

const applicantOf = (opportunityId: string) =>
  bed.t.db.collection('applicants').findOne({ 'lever.opportunityId': opportunityId });
/** A candidate applies in Lever and becomes an applicant here. */
async function screened(name: string): Promise<string> {
  const opportunityId = await bed.apply({ name, email: `${name.split(' ')[0]}@hires.test` });
  await waitFor(`${name} to be an applicant`, () => applicantOf(opportunityId));
  return opportunityId;
}
const hireIn = async (opportunityId: string, fields: Record<string, unknown> = OFFER) => {
  const hired = await bed.control('POST', `/opportunities/${opportunityId}/hire`, fields);
  expect(hired.status).toBe(200);
  return hired.body;
};
const hireOf = async (opportunityId: string) =>
  (await waitFor('the hire to be recorded', async () => (await applicantOf(opportunityId))?.hire))!;
const hireEvents = async (opportunityId: string) =>
  bed.t.db.collection('applicant_events').countDocuments({
    applicantId: (await applicantOf(opportunityId))!._id,
    type: { $in: ['hire_recorded', 'hire_updated'] },
  });
const leverCalls = async (opportunityId: string) =>
  (
    await bed.control('GET', `/requests?method=GET&pathPrefix=/opportunities/${opportunityId}`)
  ).body.data.map((r: { path: string }) => r.path.replace(opportunityId, ':id'));

describe('the Candidate hired webhook', () => {
  test("a hire in Lever is recorded with the offer's dates, as days in New York by default", async () => {
    const { admin, organizationId } = await bed.startOver({ connect: true });
    const opportunityId = await screened('Hana Hired');
    expect((await hireIn(opportunityId)).candidateHiredDeliveries).toBe(1);
    expect(await hireOf(opportunityId)).toMatchObject({
      offeredOn: daysAgo(11),
      hiredOn: daysAgo(3),
      anticipatedStartOn: daysAgo(-10),
      startedOn: null,
      position: 'Forklift Operator',
      startingWage: 18.5,
      source: 'lever_webhook',
    });
    await bed.settled(organizationId);
    expect(await hireEvents(opportunityId)).toBe(1);
    expect(await leverCalls(opportunityId)).toEqual(
      expect.arrayContaining(['/opportunities/:id', '/opportunities/:id/offers']),
    );
    const tile = await bed.tile(admin);
    expect(tile.webhooks.find((w) => w.event === 'candidateHired')).toMatchObject({
      state: 'receiving',
    });
    const rows = await bed.t.db
      .collection('leverinboxitems')
      .find({ opportunityId, event: 'candidateHired' })
      .toArray();
    expect(rows.map((r) => r.status)).toEqual(['processed']);
  });

  test("the employer profile's time zone decides the days (Guam is a day ahead)", async () => {
    const { organizationId } = await bed.startOver({ connect: true });
    const profile: Partial<typeof EMPTY_EMPLOYER_PROFILE> = { ...EMPTY_EMPLOYER_PROFILE };
    delete profile.ein;
    await bed.t.db
      .collection('organizations')
      .updateOne(
        { _id: new Types.ObjectId(organizationId) },
        { $set: { employer: { ...profile, einCiphertext: null, timeZone: 'Pacific/Guam' } } },
      );
    const opportunityId = await screened('Gus Guam');
    await hireIn(opportunityId);
    // 03:30 UTC is 13:30 the same day in Guam; 15:00 UTC is 01:00 the next day there.
    expect(await hireOf(opportunityId)).toMatchObject({
      offeredOn: daysAgo(10),
      hiredOn: daysAgo(2),
      anticipatedStartOn: daysAgo(-10),
    });
  });

  test('the hire of someone Eligo never screened costs no Lever call and records nothing', async () => {
    const { organizationId } = await bed.startOver({ connect: true });
    const created = await bed.control('POST', '/opportunities', { name: 'Lee Lead' });
    const opportunityId = created.body.data.id as string;
    await bed.control('DELETE', '/counters');
    await hireIn(opportunityId);
    await waitFor('the delivery to be handled', async () =>
      bed.t.db
        .collection('leverinboxitems')
        .findOne({ opportunityId, event: 'candidateHired', status: 'processed' }),
    );
    await bed.settled(organizationId);
    expect(await leverCalls(opportunityId)).toEqual([]);
    expect(await applicantOf(opportunityId)).toBeNull();
  });
});

describe('a grant without offers:read:admin', () => {
  test('the hire is recorded with the day it happened; the offer dates are left for the admin', async () => {
    const { admin, organizationId } = await bed.startOver();
    await bed.control('PATCH', '/switches', { withheldScopes: ['offers:read:admin'] });
    expect(await bed.connect(admin)).toBe('connected');
    const opportunityId = await screened('Nora Nooffers');
    await hireIn(opportunityId);
    expect(await hireOf(opportunityId)).toMatchObject({
      offeredOn: null,
      hiredOn: daysAgo(3),
      anticipatedStartOn: null,
      position: null,
      startingWage: null,
      source: 'lever_webhook',
    });
    await bed.settled(organizationId);
    expect(await leverCalls(opportunityId)).not.toContain('/opportunities/:id/offers');
    expect((await bed.tile(admin)).missingScopes.map((m) => m.scope)).toEqual([
      'offers:read:admin',
    ]);
  });
});

describe('the reconcile, when the webhook is lost', () => {
  /**
   * Candidate hired switched off in Lever, on an integration connected a month ago (its first
   * reconcile looks from a day before it was connected; the hires are a few days old).
   */
  const loseHires = async () => {
    await bed.control('PUT', '/event-groups/candidateHired', { enabled: false });
    await bed.t.db
      .collection('leverintegrations')
      .updateOne({}, { $set: { connectedAt: new Date(Date.now() - 30 * 86_400_000) } });
  };

  test('the event group is off: a reconcile finds the hire, records it once, and a second run adds nothing', async () => {
    const { admin, organizationId } = await bed.startOver({ connect: true });
    const opportunityId = await screened('Rita Reconciled');
    await loseHires();
    expect((await hireIn(opportunityId)).candidateHiredDeliveries).toBe(0);
    const { id } = await bed.tile(admin);

    const first = await admin.post(`/api/integrations/${id}/reconcile`);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ alreadyQueued: false });
    expect(await hireOf(opportunityId)).toMatchObject({
      offeredOn: daysAgo(11),
      hiredOn: daysAgo(3),
      anticipatedStartOn: daysAgo(-10),
      source: 'lever_reconcile',
    });
    await bed.settled(organizationId);
    expect((await bed.tile(admin)).reconcile).toMatchObject({ state: 'idle', lastFound: 1 });

    // Within the same minute an admin's second click joins the run already made.
    const again = await admin.post(`/api/integrations/${id}/reconcile`);
    expect(again.statusCode).toBe(202);
    await bed.settled(organizationId);
    const periodic = await scheduleReconciles(bed.t.app, Date.now() + 7 * 3_600_000);
    expect(periodic).toBe(1);
    await bed.settled(organizationId);
    expect((await bed.tile(admin)).reconcile).toMatchObject({ state: 'idle', lastFound: 0 });
    expect(await hireEvents(opportunityId)).toBe(1);
    expect((await applicantOf(opportunityId))!.hire.version).toBe(1);
  });

  test("Lever answering the hired archive reason as one object (its own example's shape): the reconcile finds the hire", async () => {
    const { admin, organizationId } = await bed.startOver({ connect: true });
    expect(
      (await bed.control('PATCH', '/switches', { hiredArchiveReasonShape: 'object' })).status,
    ).toBe(200);
    const opportunityId = await screened('Oona Object');
    await loseHires();
    await hireIn(opportunityId);
    const { id } = await bed.tile(admin);
    expect((await admin.post(`/api/integrations/${id}/reconcile`)).statusCode).toBe(202);
    expect(await hireOf(opportunityId)).toMatchObject({ source: 'lever_reconcile' });
    await bed.settled(organizationId);
    expect((await bed.tile(admin)).reconcile).toMatchObject({ state: 'idle', lastFound: 1 });
  });

  test('two instances reconcile at once: one hire, one timeline entry', async () => {
    const { organizationId } = await bed.startOver({ connect: true });
    const opportunityIds = [await screened('Tia Twice'), await screened('Uma Unique')];
    await loseHires();
    for (const id of opportunityIds) await hireIn(id);
    const integration = (await leverIntegrationModel(bed.t.app.mongo).findOne(
      { organizationId: new Types.ObjectId(organizationId) },
      null,
      { skipTenant: true },
    ))!;
    // The periodic task on both instances, and a click on each (a minute apart: two runs), at once.
    const now = Date.now();
    const [a, b] = await Promise.all([
      scheduleReconciles(bed.t.app, now),
      scheduleReconciles(other, now),
      requestReconcile(bed.t.app, integration, now),
      requestReconcile(other, integration, now + 60_000),
    ]);
    expect(a + b).toBe(1);
    for (const opportunityId of opportunityIds) await hireOf(opportunityId);
    await bed.settled(organizationId);
    for (const opportunityId of opportunityIds) {
      expect(await hireEvents(opportunityId)).toBe(1);
      expect((await applicantOf(opportunityId))!.hire).toMatchObject({
        version: 1,
        source: 'lever_reconcile',
      });
    }
    const hireJobs = await bed.t.db
      .collection('jobs')
      .countDocuments({ type: 'lever.hire', organizationId: new Types.ObjectId(organizationId) });
    expect(hireJobs).toBe(2);
  });

  test('only admins may ask; an unknown integration is 404, a disconnected one 409', async () => {
    const { admin, organizationId } = await bed.startOver({ connect: true });
    const { id } = await bed.tile(admin);
    const member = await signedIn(bed.t.app, await createUser(bed.t.app, organizationId));
    expect((await member.post(`/api/integrations/${id}/reconcile`)).statusCode).toBe(403);
    expect(
      (await admin.post('/api/integrations/0123456789abcdef01234567/reconcile')).statusCode,
    ).toBe(404);
    const grant = (await bed.control('GET', '/grants')).body.data[0];
    await bed.control('POST', `/grants/${grant.id}/revoke`);
    await bed.t.db
      .collection('leverintegrations')
      .updateOne({}, { $set: { status: 'disconnected' } });
    const refused = await admin.post(`/api/integrations/${id}/reconcile`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('INTEGRATION_DISCONNECTED');
  });
});
