import type { Query, Schema } from 'mongoose';

/** Raised when code tries to change or remove a record that is evidence. A bug, never user input. */
export class AppendOnlyError extends Error {
  constructor(model: string, operation: string) {
    super(`${model} records are append-only: ${operation} is refused (record a new one instead)`);
    this.name = 'AppendOnlyError';
  }
}

const CHANGES: Array<
  | 'updateOne'
  | 'updateMany'
  | 'findOneAndUpdate'
  | 'replaceOne'
  | 'findOneAndReplace'
  | 'deleteOne'
  | 'deleteMany'
  | 'findOneAndDelete'
> = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'findOneAndReplace',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
];

/**
 * Mongoose schema plugin for evidence (signature records, the answers a signature covers): the
 * model can insert and read, never update, replace or delete, whether by query, by a loaded
 * document's `save()` or by `bulkWrite`. What a signature covers can then change only outside the
 * application (a database administrator), and the stored SHA-256 shows it when it is read.
 */
export function appendOnly(schema: Schema): void {
  schema.pre(CHANGES, function (this: Query<unknown, unknown>) {
    throw new AppendOnlyError(this.model.modelName, String((this as { op?: string }).op));
  });
  const modelName = (document: object) =>
    (document.constructor as unknown as { modelName: string }).modelName;
  schema.pre('save', function () {
    if (!this.isNew) throw new AppendOnlyError(modelName(this), 'save');
  });
  schema.pre('deleteOne', { document: true, query: false }, function () {
    throw new AppendOnlyError(modelName(this), 'deleteOne');
  });
  schema.pre('bulkWrite', function (next, ops) {
    const changes = ops.filter((op) => !('insertOne' in op));
    next(changes.length > 0 ? new AppendOnlyError(this.modelName, 'bulkWrite') : undefined);
  });
}
