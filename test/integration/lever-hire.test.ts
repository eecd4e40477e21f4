import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { recordLeverHire } from '@eligo/server/modules/applicants/index';
import { createTestApp, type TestApp } from '../support/app.ts';
import { registerTestApplicant } from '../support/factories.ts';
import { hireBody } from '../support/hires.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';

/**
 * recordLeverHire: what Lever's hire job (the candidateHired webhook, the reconcile) calls. Lever
 * never overwrites a person's value; the same facts twice change nothing; instances racing record
 * one change and one timeline entry.
 */
let t: OrgTestApp;
let second: TestApp;
let organizationId: Types.ObjectId;

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename);
  second = await createTestApp(import.meta.filename, { databaseOf: t });
  organizationId = new Types.ObjectId(t.org.organizationId);
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});

const facts = {
  offeredOn: '2031-02-20',
  hiredOn: '2031-02-24',
  anticipatedStartOn: '2031-03-02',
  position: 'Picker',
};

async function leverApplicant() {
  const { applicant } = await registerTestApplicant(t.app, t.org.organizationId);
  return { id: applicant._id, opportunityId: applicant.lever!.opportunityId };
}

const hireEvents = (id: Types.ObjectId) =>
  t.db
    .collection('applicant_events')
    .find({ applicantId: id, type: { $in: ['hire_recorded', 'hire_updated'] } })
    .toArray();
const stored = async (id: Types.ObjectId) =>
  (await t.db.collection('applicants').findOne({ _id: id }))!;

describe('recordLeverHire', () => {
  test('records the hire once; the same facts again change nothing', async () => {
    const { id, opportunityId } = await leverApplicant();
    const input = { organizationId, opportunityId, facts, source: 'lever_webhook' as const };
    expect(await recordLeverHire(t.app, input)).toEqual({ applicantId: id, changed: true });
    expect(await recordLeverHire(t.app, input)).toEqual({ applicantId: id, changed: false });
    expect(await recordLeverHire(t.app, { ...input, source: 'lever_reconcile' })).toEqual({
      applicantId: id,
      changed: false,
    });
    const doc = await stored(id);
    expect(doc.hire).toMatchObject({
      ...facts,
      startedOn: null,
      source: 'lever_webhook',
      version: 1,
    });
    expect(doc.filing).toMatchObject({ phase: 'needs_start_date', sortOn: '2031-03-30' });
    const events = await hireEvents(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'hire_recorded', actor: { kind: 'lever' } });
  });

  test("never overwrites nor clears a person's value; fills what nobody knew", async () => {
    const { id, opportunityId } = await leverApplicant();
    const res = await t.admin.put(
      `/api/applicants/${id}/hire`,
      hireBody({ offeredOn: '2031-02-18', position: 'Forklift operator' }),
    );
    expect(res.statusCode).toBe(200);
    const result = await recordLeverHire(t.app, {
      organizationId,
      opportunityId,
      facts: { ...facts, offeredOn: '2031-02-20', position: 'Picker' },
      source: 'lever_reconcile',
    });
    expect(result.changed).toBe(true);
    const hire = (await stored(id)).hire;
    expect(hire).toMatchObject({
      offeredOn: '2031-02-18',
      position: 'Forklift operator',
      hiredOn: '2031-02-24',
      anticipatedStartOn: '2031-03-02',
      provenance: {
        offeredOn: 'admin',
        position: 'admin',
        hiredOn: 'lever_reconcile',
        anticipatedStartOn: 'lever_reconcile',
      },
    });
    // Lever saying nothing (null) about a field clears nothing.
    await recordLeverHire(t.app, {
      organizationId,
      opportunityId,
      facts: { hiredOn: null, anticipatedStartOn: null },
      source: 'lever_webhook',
    });
    expect((await stored(id)).hire).toMatchObject({
      hiredOn: '2031-02-24',
      anticipatedStartOn: '2031-03-02',
    });
  });

  test("Lever dates that contradict an admin's are left out; the rest is recorded", async () => {
    const { id, opportunityId } = await leverApplicant();
    await t.admin.put(`/api/applicants/${id}/hire`, hireBody({ startedOn: '2031-03-01' }));
    await recordLeverHire(t.app, {
      organizationId,
      opportunityId,
      facts: { hiredOn: '2031-03-05', position: 'Picker' },
      source: 'lever_webhook',
    });
    expect((await stored(id)).hire).toMatchObject({
      startedOn: '2031-03-01',
      hiredOn: null,
      position: 'Picker',
    });
  });

  test('an opportunity Eligo never screened: nothing recorded, reported as null', async () => {
    const result = await recordLeverHire(t.app, {
      organizationId,
      opportunityId: 'never-screened-opportunity',
      facts,
      source: 'lever_reconcile',
    });
    expect(result).toEqual({ applicantId: null, changed: false });
    expect(
      await t.db
        .collection('applicants')
        .countDocuments({ 'lever.opportunityId': 'never-screened-opportunity' }),
    ).toBe(0);
  });

  test('malformed facts are treated as not known', async () => {
    const { id, opportunityId } = await leverApplicant();
    await recordLeverHire(t.app, {
      organizationId,
      opportunityId,
      facts: { offeredOn: '2031-02-30', startingWage: 12.345, position: '  Night   shift  ' },
      source: 'lever_webhook',
    });
    expect((await stored(id)).hire).toMatchObject({
      offeredOn: null,
      startingWage: null,
      position: 'Night shift',
    });
  });

  test('two instances recording the same hire at once: one change, one timeline entry', async () => {
    for (let round = 0; round < 5; round++) {
      const { id, opportunityId } = await leverApplicant();
      const input = { organizationId, opportunityId, facts, source: 'lever_webhook' as const };
      const results = await Promise.all([
        recordLeverHire(t.app, input),
        recordLeverHire(second.app, { ...input, source: 'lever_reconcile' }),
        recordLeverHire(t.app, input),
        recordLeverHire(second.app, input),
      ]);
      expect(results.filter((r) => r.changed)).toHaveLength(1);
      expect((await stored(id)).hire.version).toBe(1);
      expect(await hireEvents(id)).toHaveLength(1);
    }
  });

  test('two instances with different facts at once: both are kept, one entry per change', async () => {
    const { id, opportunityId } = await leverApplicant();
    await Promise.all([
      recordLeverHire(t.app, {
        organizationId,
        opportunityId,
        facts: { offeredOn: '2031-02-20' },
        source: 'lever_webhook',
      }),
      recordLeverHire(second.app, {
        organizationId,
        opportunityId,
        facts: { position: 'Picker' },
        source: 'lever_reconcile',
      }),
    ]);
    const doc = await stored(id);
    expect(doc.hire).toMatchObject({ offeredOn: '2031-02-20', position: 'Picker', version: 2 });
    expect(await hireEvents(id)).toHaveLength(2);
  });
});
