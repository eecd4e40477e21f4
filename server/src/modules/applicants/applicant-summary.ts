import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import {
  SURVEY_STATUSES,
  WOTC_STATUSES,
  type ApplicantSummary,
  type SurveyStatus,
  type WotcStatus,
} from '@eligo/shared/schemas/applicants';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { applicantModel, OPEN_SURVEY_STATUSES } from './applicant.model.ts';
import { applicantPostingModel } from './posting.model.ts';

interface StatusGroup {
  _id: { s: string; w: string; t: string };
  n: number;
}

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * The counts above the dashboard table and the postings of the posting filter. Two grouped reads
 * (FerretDB v1 has no `$facet`, only `$sum` among `$group` accumulators and no expressions in a
 * group key): every status combination, and the expired links among the open ones. On MongoDB both
 * are answered from the counts index alone. The postings come from their own small collection.
 */
export async function applicantSummary(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  now: Date,
): Promise<ApplicantSummary> {
  const Applicants = applicantModel(app.mongo);
  const [groups, expired, postings] = await Promise.all([
    Applicants.aggregate<StatusGroup>([
      { $match: { organizationId } },
      {
        $group: {
          _id: { s: '$survey.status', w: '$wotcStatus', t: '$tagSync.state' },
          n: { $sum: 1 },
        },
      },
    ]),
    Applicants.aggregate<{ _id: string; n: number }>([
      {
        $match: {
          organizationId,
          'survey.status': { $in: [...OPEN_SURVEY_STATUSES] },
          'survey.expiresAt': { $lte: now },
        },
      },
      { $group: { _id: '$survey.status', n: { $sum: 1 } } },
    ]),
    scoped(applicantPostingModel(app.mongo), organizationId).find({}, null, {
      sort: { title: 1, postingId: 1 },
    }),
  ]);

  const surveyStatus = zeroes(SURVEY_STATUSES);
  const wotcStatus = zeroes(WOTC_STATUSES);
  let total = 0;
  let tagSyncProblems = 0;
  for (const { _id, n } of groups) {
    total += n;
    if (_id.s in surveyStatus) surveyStatus[_id.s as SurveyStatus] += n;
    if (_id.w in wotcStatus) wotcStatus[_id.w as WotcStatus] += n;
    if (_id.t === 'failed' || _id.t === 'dead') tagSyncProblems += n;
  }
  for (const { _id, n } of expired) {
    surveyStatus[_id as SurveyStatus] -= n;
    surveyStatus.expired += n;
  }

  return {
    total,
    surveyStatus,
    wotcStatus,
    tagSyncProblems,
    postings: postings.map((p) => ({ id: p.postingId, title: p.title })),
  };
}

/**
 * Open survey links that stop working after `from` and by `through` (the home's "about to
 * expire"): a range within the counts index.
 */
export async function countSurveysExpiring(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  from: Date,
  through: Date,
): Promise<number> {
  return applicantModel(app.mongo).countDocuments({
    organizationId,
    'survey.status': { $in: [...OPEN_SURVEY_STATUSES] },
    'survey.expiresAt': { $gt: from, $lte: through },
  });
}
