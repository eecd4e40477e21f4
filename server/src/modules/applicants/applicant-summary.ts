import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import {
  SURVEY_STATUSES,
  WOTC_STATUSES,
  type ApplicantSummary,
  type SurveyStatus,
  type WotcStatus,
} from '@eligo/shared/schemas/applicants';
import { applicantModel, OPEN_SURVEY_STATUSES } from './applicant.model.ts';

interface StatusGroup {
  _id: { s: string; w: string; t: string };
  n: number;
}

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * The counts above the dashboard table and the postings of the posting filter. Three grouped reads
 * (FerretDB v1 has no `$facet` and only `$sum` among `$group` accumulators): every status
 * combination, the expired links among the open ones, and the postings. On MongoDB the first two
 * are answered from the counts index alone.
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
    Applicants.aggregate<{ _id: { p: string | null; t: string | null }; n: number }>([
      { $match: { organizationId } },
      { $group: { _id: { p: '$lever.postingId', t: '$postingTitle' }, n: { $sum: 1 } } },
    ]),
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

  // One entry per posting id; a posting renamed in Lever keeps its most common title.
  const byPosting = new Map<
    string,
    { id: string; title: string | null; count: number; best: number }
  >();
  for (const { _id, n } of postings) {
    if (!_id.p) continue;
    const entry = byPosting.get(_id.p) ?? { id: _id.p, title: null, count: 0, best: 0 };
    entry.count += n;
    if (_id.t && n > entry.best) Object.assign(entry, { title: _id.t, best: n });
    byPosting.set(_id.p, entry);
  }
  return {
    total,
    surveyStatus,
    wotcStatus,
    tagSyncProblems,
    postings: [...byPosting.values()]
      .map(({ id, title, count }) => ({ id, title, count }))
      .sort(
        (a, b) =>
          (a.title ?? '\uffff').localeCompare(b.title ?? '\uffff') || a.id.localeCompare(b.id),
      ),
  };
}
