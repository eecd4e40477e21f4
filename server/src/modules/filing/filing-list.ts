import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { employerProfileMissing, todayIn, type FilingBucket } from '@eligo/shared/filing';
import type { FilingList, FilingRow, ListFilingQuery } from '@eligo/shared/schemas/filing';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import {
  applicantFiling,
  applicantModel,
  filingContext,
  nameSearchConditions,
  readEligibility,
  toHireDto,
  type Applicant,
  type FilingContext,
} from '../applicants/index.ts';
import { LISTED, afterFilingCursor, bucketFilter, encodeFilingCursor } from './filing-query.ts';

async function toFilingRow(
  app: FastifyInstance,
  applicant: Applicant,
  context: FilingContext,
): Promise<FilingRow> {
  const eligibility = await readEligibility(app, applicant);
  return {
    id: applicant._id.toHexString(),
    name: applicant.name,
    postingTitle: applicant.postingTitle,
    wotcStatus: applicant.wotcStatus,
    targetGroups: eligibility?.matches.map((m) => m.code) ?? [],
    hire: toHireDto(applicant.hire!),
    filing: applicantFiling(applicant, context)!,
  };
}

/** The list's order: by due day, then id (the Filing index's). */
const FILING_ORDER = { 'filing.sortOn': 1, _id: 1 } as const;

/** `bucket`'s condition today in the organization's zone, or null when nothing can be in it. */
function bucketToday(context: FilingContext, bucket: FilingBucket) {
  const today = todayIn(context.timeZone, context.now);
  return bucketFilter(bucket, today, employerProfileMissing(context.employer).length === 0);
}

/**
 * `GET /api/filing`: the hires of one bucket (or all listed), most urgent first — by due day, then
 * id — in keyset pages like the applicants list; filtered by state of employment and by name.
 */
export async function listFiling(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  query: ListFilingQuery,
): Promise<FilingList> {
  const context = await filingContext(app, organizationId);
  const inBucket = query.bucket ? bucketToday(context, query.bucket) : LISTED;
  if (!inBucket) return { items: [], nextCursor: null };
  const conditions = [
    inBucket,
    ...nameSearchConditions(query.q),
    ...(query.state ? [{ 'hire.employedInState': query.state }] : []),
    ...(query.cursor ? [afterFilingCursor(query.cursor)] : []),
  ];
  const limit = query.limit ?? 25;
  const rows = await scoped(applicantModel(app.mongo), organizationId)
    .find({ $and: conditions }, null, { sort: FILING_ORDER, limit: limit + 1 })
    .lean<Applicant[]>();
  const items = rows.slice(0, limit);
  return {
    items: await Promise.all(items.map((row) => toFilingRow(app, row, context))),
    nextCursor: rows.length > limit ? encodeFilingCursor(items[items.length - 1]!) : null,
  };
}

/**
 * "All ready in Texas": the ids of every hire in the Ready to file bucket employed in `state`, in
 * the list's order, up to `max` + 1 (so the caller can tell that there are more than it takes).
 */
export async function readyHireIds(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  state: string,
  max: number,
): Promise<string[]> {
  const ready = bucketToday(await filingContext(app, organizationId), 'ready');
  if (!ready) return [];
  const rows = await scoped(applicantModel(app.mongo), organizationId)
    .find(
      { $and: [ready, { 'hire.employedInState': state }] },
      { _id: 1 },
      { sort: FILING_ORDER, limit: max + 1 },
    )
    .lean<Array<{ _id: Types.ObjectId }>>();
  return rows.map((row) => row._id.toHexString());
}
