import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { revisions, throughCopy } from '@eligo/server/lib/db/index';
import { createTestApp, type TestApp } from '../support/app.ts';

/**
 * The derived-copy helper's contract (docs/database.md, "Derived copies"), on the database this
 * run uses and with two instances on it: revisions count every write once, a copy is served only
 * under the current key, and a write that lands during a computation is never hidden by its copy.
 */
let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await createTestApp(import.meta.filename);
  b = await createTestApp(import.meta.filename, { databaseOf: a });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

/** A view of `organizationId` whose computations are counted, keyed on the hires revision. */
function countedView(organizationId: Types.ObjectId, parts: Array<string | number> = [1]) {
  const view = {
    computed: 0,
    name: 'test-view',
    organizationId,
    reads: ['hires'] as const,
    parts,
    compute: async () => {
      view.computed += 1;
      return { computation: view.computed, at: 'x'.repeat(10_000) };
    },
  };
  return view;
}

describe('revisions', () => {
  test('40 concurrent first bumps on two instances count 40, each organization its own, 5 times over', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const org = new Types.ObjectId();
      const other = new Types.ObjectId();
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          revisions((i % 2 ? a : b).app.mongo).bump('hires', org),
        ),
      );
      await revisions(a.app.mongo).bump('payroll', other);
      expect(await revisions(b.app.mongo).read(['hires', 'payroll'], org)).toEqual({
        hires: 40,
        payroll: 0,
      });
      expect(await revisions(a.app.mongo).read(['hires', 'payroll'], other)).toEqual({
        hires: 0,
        payroll: 1,
      });
    }
  });
});

describe('throughCopy', () => {
  test('computed once, then served from the copy on both instances until a write counts', async () => {
    const view = countedView(new Types.ObjectId());
    expect((await throughCopy(a.app, view)).computation).toBe(1);
    expect((await throughCopy(b.app, view)).computation).toBe(1);
    expect((await throughCopy(a.app, view)).computation).toBe(1);
    await revisions(b.app.mongo).bump('hires', view.organizationId);
    expect((await throughCopy(a.app, view)).computation).toBe(2);
    expect((await throughCopy(b.app, view)).computation).toBe(2);
    expect(view.computed).toBe(2);
  });

  test("another part of the key (a setting) is another copy; another organization's write changes nothing", async () => {
    const org = new Types.ObjectId();
    const view = countedView(org);
    await throughCopy(a.app, view);
    expect((await throughCopy(a.app, { ...view, parts: [2] })).computation).toBe(2);
    await revisions(a.app.mongo).bump('hires', new Types.ObjectId());
    expect((await throughCopy(a.app, { ...view, parts: [2] })).computation).toBe(2);
    expect(view.computed).toBe(2);
  });

  test('a write that lands while the view is computed: the next read computes again', async () => {
    const view = countedView(new Types.ObjectId());
    const compute = view.compute;
    view.compute = async () => {
      const value = await compute();
      // The write lands (and counts) after the computation read its data, before it is stored.
      if (view.computed === 1) await revisions(b.app.mongo).bump('hires', view.organizationId);
      return value;
    };
    expect((await throughCopy(a.app, view)).computation).toBe(1);
    expect((await throughCopy(a.app, view)).computation).toBe(2);
    expect((await throughCopy(a.app, view)).computation).toBe(2);
  });

  test('a copy older than an hour is not served, whatever its key', async () => {
    const view = countedView(new Types.ObjectId());
    await throughCopy(a.app, view);
    await a.db
      .collection('derived_copies')
      .updateOne(
        { _id: `test-view:${view.organizationId.toHexString()}` as never },
        { $set: { computedAt: new Date(Date.now() - 61 * 60 * 1000) } },
      );
    expect((await throughCopy(a.app, view)).computation).toBe(2);
    expect((await throughCopy(a.app, view)).computation).toBe(2);
  });
});
