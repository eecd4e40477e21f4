import { Schema, type Query } from 'mongoose';

/** Raised when code queries tenant data without saying whose. A bug, never a user error. */
export class TenantScopeError extends Error {
  constructor(model: string, operation: string) {
    super(
      `Unscoped ${operation} on tenant collection ${model}: use the tenant repository (or skipTenant for system jobs)`,
    );
    this.name = 'TenantScopeError';
  }
}

const QUERY_OPERATIONS: Array<
  | 'countDocuments'
  | 'deleteMany'
  | 'deleteOne'
  | 'distinct'
  | 'find'
  | 'findOne'
  | 'findOneAndDelete'
  | 'findOneAndReplace'
  | 'findOneAndUpdate'
  | 'replaceOne'
  | 'updateMany'
  | 'updateOne'
> = [
  'countDocuments',
  'deleteMany',
  'deleteOne',
  'distinct',
  'find',
  'findOne',
  'findOneAndDelete',
  'findOneAndReplace',
  'findOneAndUpdate',
  'replaceOne',
  'updateMany',
  'updateOne',
];

/**
 * Mongoose schema plugin for every collection that belongs to an organization: adds the required,
 * immutable `organizationId`, and refuses any query whose filter does not name one. Reads and writes
 * go through `scoped()` (tenant-repository.ts), which adds it; system jobs that really must cross
 * organizations say so with the `skipTenant` query option.
 */
export function tenantScoped(schema: Schema): void {
  schema.add({
    organizationId: {
      type: Schema.Types.ObjectId,
      ref: 'Organization',
      required: true,
      immutable: true,
      index: true,
    },
  });
  schema.pre(QUERY_OPERATIONS, function (this: Query<unknown, unknown>) {
    if ((this.getOptions() as { skipTenant?: boolean }).skipTenant) return;
    if (this.getFilter().organizationId === undefined) {
      throw new TenantScopeError(this.model.modelName, String((this as { op?: string }).op));
    }
  });
  schema.pre('aggregate', function () {
    if ((this.options as { skipTenant?: boolean }).skipTenant) return;
    const first = this.pipeline()[0] as { $match?: { organizationId?: unknown } } | undefined;
    if (first?.$match?.organizationId === undefined) {
      throw new TenantScopeError(this.model().modelName, 'aggregate');
    }
  });
}
