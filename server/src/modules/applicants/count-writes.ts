import { Types, type Query, type Schema } from 'mongoose';
import { settleCounts } from './applicant-counts.ts';
import type { Applicant } from './applicant.model.ts';

/** The fields the dashboard's counts depend on, as update paths. */
const COUNTED_PATHS = new Set([
  'survey',
  'survey.status',
  'wotcStatus',
  'tagSync',
  'tagSync.state',
]);

/** Applicants are never replaced whole (a replacement would lose `counted`): updates only. */
const UPDATES: Array<'updateOne' | 'updateMany' | 'findOneAndUpdate'> = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
];

function touchesCounted(update: Record<string, unknown>): boolean {
  return Object.entries(update).some(([key, value]) =>
    key.startsWith('$')
      ? typeof value === 'object' &&
        value !== null &&
        Object.keys(value).some((path) => COUNTED_PATHS.has(path))
      : COUNTED_PATHS.has(key),
  );
}

const plain = (value: unknown) => value instanceof Types.ObjectId || typeof value === 'string';

/**
 * Keeps the counts with the writes, whichever module writes (docs/applicants.md, "Counts"): an
 * update that sets a counted field also sets `countPending` (in the same write, so atomically
 * with it), and once it has landed the applicant is settled (applicant-counts.ts). A settle that
 * fails (the database went away) leaves `countPending`: the dashboard's next read of the counts,
 * or the repair job, settles it; the write itself has succeeded and is not failed for it.
 * New applicants are stored with `countPending: true` and `counted: null` (schema defaults).
 * Only writes through the model are seen: `bulkWrite` and the driver's collection are not, so
 * counted fields must not be written that way (the hires CSV's `bulkWrite` writes hires only).
 */
export function countWrites(schema: Schema<Applicant>): void {
  const marked = new WeakSet<object>();
  schema.pre(UPDATES, function (this: Query<unknown, Applicant>) {
    const update = this.getUpdate();
    if (!update || Array.isArray(update) || !touchesCounted(update as Record<string, unknown>))
      return;
    const $set = (update as { $set?: Record<string, unknown> }).$set ?? {};
    this.setUpdate({ ...update, $set: { ...$set, countPending: true } });
    marked.add(this);
  });
  schema.post(UPDATES, async function (this: Query<unknown, Applicant>) {
    if (!marked.has(this)) return;
    const filter = this.getFilter();
    const scope = plain(filter._id)
      ? { _id: filter._id }
      : plain(filter.organizationId)
        ? { organizationId: filter.organizationId }
        : {};
    await settleCounts(this.model, scope).catch(() => undefined);
  });
  schema.pre('save', function () {
    if (!this.isNew && this.isModified(['survey.status', 'wotcStatus', 'tagSync.state']))
      this.set('countPending', true);
  });
  schema.post('save', async function () {
    if (!this.get('countPending')) return;
    await settleCounts(this.constructor as never, { _id: this._id }).catch(() => undefined);
  });
  schema.post('insertMany', async function (docs: Array<{ organizationId: unknown }>) {
    const organizations = new Set(docs.map((doc) => String(doc.organizationId)));
    for (const organizationId of organizations)
      await settleCounts(this as never, {
        organizationId: new Types.ObjectId(organizationId),
      }).catch(() => undefined);
  });
}
