import type { FastifyInstance } from 'fastify';
import type { PipelineStage, Types } from 'mongoose';
import {
  FILING_BUCKETS,
  effectiveTimeZone,
  employerProfileMissing,
  todayIn,
} from '@eligo/shared/filing';
import type { FilingSummary } from '@eligo/shared/schemas/filing';
import { throughCopy } from '../../lib/db/index.ts';
import { applicantModel, type FilingPhase } from '../applicants/index.ts';
import { employerBrief, loadEmployerProfile } from '../organizations/index.ts';
import { LISTED, bucketOfFacts } from './filing-query.ts';

interface FactsGroup {
  _id: { p: FilingPhase; c: boolean; d: string; s: boolean };
  n: number;
}

/** Raise it when the grouping below changes: stored copies of the old one stop being served. */
const GROUPS_FORMAT = 1;

/**
 * The organization's listed hires grouped by their stored facts (phase, complete, due day,
 * flagged): one grouped read, answered from the Filing index alone on MongoDB. Kept while no hire
 * or filing of the organization is written (the hires revision; docs/database.md, "Derived
 * copies"): at 100,000 applicants the grouping is the summary's whole cost.
 */
function factsGroups(app: FastifyInstance, organizationId: Types.ObjectId): Promise<FactsGroup[]> {
  return throughCopy(app, {
    name: 'filing-groups',
    organizationId,
    reads: ['hires'],
    parts: [GROUPS_FORMAT],
    compute: () =>
      applicantModel(app.mongo).aggregate<FactsGroup>(factsGroupsPipeline(organizationId)),
  });
}

/** The grouped read itself (the bench explains it). */
export function factsGroupsPipeline(organizationId: Types.ObjectId): PipelineStage[] {
  return [
    { $match: { organizationId, ...LISTED } },
    {
      $group: {
        _id: {
          p: '$filing.phase',
          c: '$filing.complete',
          d: '$filing.sortOn',
          s: '$filing.screenedAfterOffer',
        },
        n: { $sum: 1 },
      },
    },
  ];
}

/**
 * The Filing screen's counts (docs/filing.md §7): the listed hires' facts groups (a few per
 * distinct due day) put in their buckets for today, in the organization's time zone, by
 * `filingBucket` itself — so the copy of the groups serves every day.
 */
export async function filingSummary(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
): Promise<FilingSummary> {
  const [profile, groups] = await Promise.all([
    loadEmployerProfile(app, organizationId),
    factsGroups(app, organizationId),
  ]);
  const timeZone = effectiveTimeZone(profile);
  const today = todayIn(timeZone, app.clock.now());
  const profileComplete = employerProfileMissing(profile).length === 0;
  const buckets = Object.fromEntries(FILING_BUCKETS.map((b) => [b, 0])) as FilingSummary['buckets'];
  let screenedAfterOffer = 0;
  for (const { _id, n } of groups) {
    buckets[
      bucketOfFacts({ phase: _id.p, complete: _id.c, sortOn: _id.d }, today, profileComplete)
    ] += n;
    if (_id.s) screenedAfterOffer += n;
  }
  return { today, timeZone, buckets, screenedAfterOffer, employer: employerBrief(profile) };
}
