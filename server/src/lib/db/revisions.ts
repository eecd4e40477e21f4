import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn } from '../model.ts';
import { updateCreatingFirst } from './update-creating-first.ts';

/**
 * A counter per (kind of data, organization) that every write of that data increments after it
 * lands: what a view derived from it keys its stored copy on (the credit ledger, docs/credits.md
 * §10). A reader takes the revisions first and computes after, so a copy computed while a write
 * lands is stored under the older revision and never served again. In the database, so that every
 * instance sees every instance's writes.
 */
interface Revision {
  _id: string;
  revision: number;
}

const revisionSchema = new Schema<Revision>(
  { _id: { type: String, required: true }, revision: { type: Number, required: true } },
  { collection: 'revisions', versionKey: false },
);

const revisionModel = modelOn<Revision>('Revision', revisionSchema);

export type RevisionKind = 'hires' | 'payroll';

const idOf = (kind: RevisionKind, organizationId: Types.ObjectId) =>
  `${kind}:${organizationId.toHexString()}`;

export function revisions(connection: Connection) {
  const Revisions = revisionModel(connection);
  return {
    /** After a write of `kind` for the organization. */
    async bump(kind: RevisionKind, organizationId: Types.ObjectId): Promise<void> {
      // Not an upsert: two first upserts racing on FerretDB 2 counted once (`update-creating-first.ts`).
      await updateCreatingFirst(
        Revisions,
        { _id: idOf(kind, organizationId) },
        { $inc: { revision: 1 } },
        () => ({ revision: 0 }),
      );
    },
    /** The organization's revision of each kind (0 before its first write), in one read. */
    async read(
      kinds: readonly RevisionKind[],
      organizationId: Types.ObjectId,
    ): Promise<Record<RevisionKind, number>> {
      const rows = await Revisions.find({
        _id: { $in: kinds.map((kind) => idOf(kind, organizationId)) },
      }).lean<Revision[]>();
      const byId = new Map(rows.map((row) => [row._id, row.revision]));
      return Object.fromEntries(
        kinds.map((kind) => [kind, byId.get(idOf(kind, organizationId)) ?? 0]),
      ) as Record<RevisionKind, number>;
    },
  };
}
