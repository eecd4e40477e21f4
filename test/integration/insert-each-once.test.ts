import { Schema, Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertEachOnce, type EachInsert } from '@eligo/server/lib/db/index';
import { createTestApp, type TestApp } from '../support/app.ts';

/**
 * `insertEachOnce` (server/src/lib/db/insert-each-once.ts), on the database this run uses: many
 * documents in one unordered insert, and each its own answer, as the webhook receiver relies on to
 * answer every delivery of a batch by itself. A unique secondary index (like the inbox's delivery
 * token) is where FerretDB 2 may answer a race with `deadlock detected`.
 */
interface Item {
  _id: string;
  token: string;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(import.meta.filename);
});
afterAll(() => t?.close());

/** A fresh collection with a unique `token` index. */
async function freshModel() {
  const schema = new Schema<Item>({ _id: String, token: String }, { versionKey: false });
  schema.index({ token: 1 }, { unique: true });
  const model = t.app.mongo.model<Item>(`EachOnce${new Types.ObjectId().toHexString()}`, schema);
  await model.createCollection();
  await model.createIndexes();
  return model;
}

const won = { won: true };
const lost = { won: false };

describe('insertEachOnce', () => {
  test('each document answered by itself: new, a duplicate of a stored one, two of one batch, a repeated unique key', async () => {
    const Items = await freshModel();
    await Items.collection.insertOne({ _id: 'stored', token: 't-stored' } as never);
    const results = await insertEachOnce(Items, [
      { _id: 'a', token: 't-a' },
      { _id: 'stored', token: 't-other' },
      { _id: 'b', token: 't-b' },
      { _id: 'b', token: 't-b2' },
      { _id: 'c', token: 't-stored' },
      { _id: 'd', token: 't-d' },
    ]);
    expect(results).toEqual([won, lost, won, lost, lost, won]);
    const stored = await Items.find({}).sort({ _id: 1 }).lean();
    expect(stored).toEqual([
      { _id: 'a', token: 't-a' },
      { _id: 'b', token: 't-b' },
      { _id: 'd', token: 't-d' },
      { _id: 'stored', token: 't-stored' },
    ]);
  });

  test('8 writers racing on the same unique keys: every document stored once, won by exactly one', async () => {
    for (let trial = 0; trial < 3; trial++) {
      const Items = await freshModel();
      const documents = Array.from({ length: 30 }, (_, n) => ({
        _id: `doc-${n}`,
        token: `tok-${n}`,
      }));
      // Each writer sends the same documents under its own ids: only the token index can refuse them.
      const answers: EachInsert[][] = await Promise.all(
        Array.from({ length: 8 }, (_, writer) =>
          insertEachOnce(
            Items,
            documents.map((d) => ({ _id: `${d._id}-w${writer}`, token: d.token })),
          ),
        ),
      );
      expect(answers.flat().filter((a) => 'error' in a)).toEqual([]);
      for (let n = 0; n < documents.length; n++) {
        const winners = answers.filter((a) => (a[n] as { won: boolean }).won);
        expect(winners, `document ${n}, trial ${trial}`).toHaveLength(1);
      }
      expect(await Items.countDocuments()).toBe(documents.length);
    }
  });

  test('the database away: every document fails with its error, none is reported stored', async () => {
    const closed = {
      collection: { insertMany: () => Promise.reject(new Error('connection closed')) },
    };
    const results = await insertEachOnce(
      closed as unknown as Parameters<typeof insertEachOnce<Item>>[0],
      [
        { _id: 'x', token: 'x' },
        { _id: 'y', token: 'y' },
      ],
    );
    expect(results.map((r) => ('error' in r ? (r.error as Error).message : r))).toEqual([
      'connection closed',
      'connection closed',
    ]);
  });
});
