import type { Types } from 'mongoose';
import {
  isValidObjectId,
  type FilterQuery,
  type Model,
  type ProjectionType,
  type QueryOptions,
  type UpdateQuery,
} from 'mongoose';

export type OrganizationId = Types.ObjectId;

type Scoped<T> = FilterQuery<T> & { organizationId: OrganizationId };

/**
 * The one way request code reads and writes tenant data: every filter gets the caller's
 * `organizationId` (overriding any the caller passed), every created document is stamped with it.
 * Ids from URLs are checked for shape so a malformed id is simply "not found".
 */
export function scoped<T>(model: Model<T>, organizationId: OrganizationId) {
  const within = (filter: FilterQuery<T> = {}): Scoped<T> =>
    ({ ...filter, organizationId }) as Scoped<T>;
  return {
    organizationId,
    filter: within,
    find: (
      filter?: FilterQuery<T>,
      projection?: ProjectionType<T> | null,
      options?: QueryOptions<T> | null,
    ) => model.find(within(filter), projection, options),
    findOne: (filter?: FilterQuery<T>) => model.findOne(within(filter)),
    findById: (id: string | Types.ObjectId) =>
      model.findOne(within(isValidObjectId(id) ? { _id: id } : { _id: null })),
    countDocuments: (filter?: FilterQuery<T>) => model.countDocuments(within(filter)),
    exists: (filter?: FilterQuery<T>) => model.exists(within(filter)),
    create: (doc: Omit<Partial<T>, 'organizationId'>) =>
      model.create({ ...doc, organizationId } as unknown as Partial<T>),
    updateOne: (filter: FilterQuery<T>, update: UpdateQuery<T>) =>
      model.updateOne(within(filter), update),
    updateMany: (filter: FilterQuery<T>, update: UpdateQuery<T>) =>
      model.updateMany(within(filter), update),
    deleteOne: (filter: FilterQuery<T>) => model.deleteOne(within(filter)),
    deleteMany: (filter: FilterQuery<T>) => model.deleteMany(within(filter)),
  };
}

export type TenantRepository<T> = ReturnType<typeof scoped<T>>;
