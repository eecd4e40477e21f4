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
import { readCounts, settleCounts } from './applicant-counts.ts';
import { groupedCounts, prepareCounts } from './count-repair.ts';

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * The counts above the dashboard table and the postings of the posting filter. The counts are kept
 * with the writes (applicant-counts.ts; docs/applicants.md, "Counts"): the applicants whose state
 * changed since are settled first (usually none: each write settles its own), then the
 * organization's counter shards are summed. "Expired" depends on the time, not on a write: the
 * open links past their expiry are counted from the counts index and moved from their stored
 * status to Expired. Until every applicant of the organization is counted (applicants stored before
 * the counts existed), the counts are grouped from the applicants as before, while
 * `prepareCounts` counts them in the background.
 */
export async function applicantSummary(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  now: Date,
): Promise<ApplicantSummary> {
  const Applicants = applicantModel(app.mongo);
  const [groups, expired, postings] = await Promise.all([
    countedGroups(app, organizationId),
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
  for (const [key, n] of Object.entries(groups)) {
    const value = key.slice(2);
    if (key.startsWith('s_')) {
      total += n;
      if (value in surveyStatus) surveyStatus[value as SurveyStatus] += n;
    } else if (key.startsWith('w_')) {
      if (value in wotcStatus) wotcStatus[value as WotcStatus] += n;
    } else if (key === 't_failed' || key === 't_dead') tagSyncProblems += n;
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

/** The organizations whose counts this instance is preparing (one preparation at a time each). */
const preparing = new Set<string>();

/** Per counter key (`s_sent`, `w_pending`, `t_failed`…), the organization's applicants. */
async function countedGroups(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
): Promise<Record<string, number>> {
  await settleCounts(applicantModel(app.mongo), { organizationId });
  const counters = await readCounts(app.mongo, organizationId);
  if (counters.ready) return counters.n;
  const key = organizationId.toHexString();
  if (!preparing.has(key)) {
    preparing.add(key);
    void prepareCounts(app.mongo, organizationId)
      .catch((error: unknown) => app.log.error({ err: error }, 'preparing the counts failed'))
      .finally(() => preparing.delete(key));
  }
  return groupedCounts(app.mongo, organizationId);
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
