import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { digestDayDue, effectiveTimeZone, type FilingMissing } from '@eligo/shared/filing';
import type { EmployerProfileDraft } from '@eligo/shared/schemas/employer';
import { addDays } from '@eligo/shared/wotc/dates';
import { isDuplicateKeyError } from '../../../lib/db/index.ts';
import { scoped } from '../../../lib/tenancy/tenant-repository.ts';
import {
  applicantFiling,
  applicantModel,
  type Applicant,
  type FilingContext,
} from '../../applicants/index.ts';
import { employerProfileOf, organizationModel } from '../../organizations/index.ts';
import { userModel } from '../../users/index.ts';
import { digestMail, type DigestItem } from './digest-mail.ts';
import {
  DIGEST_RETENTION_MS,
  digestId,
  filingDigestModel,
  type FilingDigest,
} from './digest.model.ts';

/** How often each instance looks for digests that are due (the first look after 08:00 sends). */
export const DIGEST_SWEEP_MS = 5 * 60_000;
/** Hires listed per section of the email; the rest are counted ("…and 12 more"). */
const LISTED_PER_SECTION = 50;

export interface DigestOutcome {
  organizationId: string;
  day: string;
  outcome: FilingDigest['outcome'];
  recipients: number;
}

interface Section {
  items: DigestItem[];
  total: number;
}

async function section(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  range: { $lt?: string; $gte?: string; $lte?: string },
  context: FilingContext,
): Promise<Section> {
  const Applicants = scoped(applicantModel(app.mongo), organizationId);
  const filter = { 'filing.phase': 'open', 'filing.sortOn': range };
  const [total, rows] = await Promise.all([
    Applicants.countDocuments(filter),
    Applicants.find(filter, null, {
      sort: { 'filing.sortOn': 1, _id: 1 },
      limit: LISTED_PER_SECTION,
    }).lean<Applicant[]>(),
  ]);
  const items = rows.map((applicant) => {
    const filing = applicantFiling(applicant, context)!;
    return {
      name: applicant.name,
      startedOn: applicant.hire!.startedOn!,
      dueOn: filing.dueOn!,
      daysLeft: filing.daysLeft!,
      missing: filing.missing as FilingMissing[],
      screenedAfterOffer: filing.screenedAfterOffer,
    };
  });
  return { items, total };
}

/** Builds and sends one organization's digest for `day` (its claim is already won). */
async function sendDigest(
  app: FastifyInstance,
  organization: { _id: Types.ObjectId; name: string },
  employer: EmployerProfileDraft,
  day: string,
  now: Date,
): Promise<Omit<FilingDigest, '_id' | 'organizationId' | 'day' | 'claimedAt' | 'expiresAt'>> {
  const context: FilingContext = {
    now,
    employer,
    timeZone: effectiveTimeZone(employer),
    authorizedThrough: app.config.wotcAuthorizedThrough,
  };
  const [overdue, dueSoon] = await Promise.all([
    section(app, organization._id, { $lt: day }, context),
    section(app, organization._id, { $gte: day, $lte: addDays(day, 7) }, context),
  ]);
  const counts = { overdue: overdue.total, dueSoon: dueSoon.total };
  if (overdue.total + dueSoon.total === 0) {
    return { outcome: 'nothing_due', ...counts, recipients: 0, failed: 0, finishedAt: now };
  }
  const admins = await scoped(userModel(app.mongo), organization._id)
    .find({ role: 'admin', status: 'active', 'preferences.filingDigest': { $ne: false } })
    .lean();
  let failed = 0;
  for (const admin of admins) {
    const { subject, text } = digestMail({
      recipientName: admin.name,
      employerName: employer.legalName ?? organization.name,
      today: day,
      timeZone: context.timeZone,
      now,
      overdue,
      dueSoon,
      filingUrl: `${app.config.publicUrl}/filing`,
    });
    try {
      // Through the outbox (docs/reliability.md §4): one message per admin and day, even when the
      // digest's run is repeated after a crash.
      await app.mail.enqueue(
        { to: admin.email, subject, text },
        {
          organizationId: organization._id,
          kind: 'filing.digest',
          key: `filing-digest:${organization._id.toHexString()}:${day}:${admin._id.toHexString()}`,
        },
      );
    } catch (error) {
      failed += 1;
      app.log.error(
        {
          err: error,
          organizationId: organization._id.toHexString(),
          userId: admin._id.toHexString(),
        },
        'queueing the filing digest email failed',
      );
    }
  }
  return {
    outcome: admins.length > 0 && failed === admins.length ? 'failed' : 'sent',
    ...counts,
    recipients: admins.length,
    failed,
    finishedAt: app.clock.now(),
  };
}

/**
 * The daily filing digest (docs/filing.md §3): for every organization whose local time has reached
 * 08:00 and whose digest of the day was not claimed yet, claim it (a unique insert: one instance
 * wins, however many run this) and email its admins who did not opt out what is overdue and due
 * within 7 days. Nothing is due → nothing is sent (the day is still claimed). Every instance runs
 * it every `DIGEST_SWEEP_MS`.
 */
export async function sendDueDigests(app: FastifyInstance): Promise<DigestOutcome[]> {
  const now = app.clock.now();
  const Digests = filingDigestModel(app.mongo);
  const organizations = await organizationModel(app.mongo)
    .find({}, { name: 1, employer: 1 })
    .lean();
  const outcomes: DigestOutcome[] = [];
  for (const organization of organizations) {
    const employer = await employerProfileOf(app, organization);
    const day = digestDayDue(effectiveTimeZone(employer), now);
    if (!day) continue;
    const _id = digestId(organization._id, day);
    if (await Digests.exists({ _id })) continue;
    try {
      await Digests.create({
        _id,
        organizationId: organization._id,
        day,
        claimedAt: now,
        outcome: 'sending',
        expiresAt: new Date(now.getTime() + DIGEST_RETENTION_MS),
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) continue; // another instance claimed it a moment ago
      throw error;
    }
    let result;
    try {
      result = await sendDigest(app, organization, employer, day, now);
    } catch (error) {
      // Nothing was sent (mail failures are counted inside): give the day back to the next sweep.
      await Digests.deleteOne({ _id, outcome: 'sending' });
      throw error;
    }
    await Digests.updateOne({ _id }, { $set: result });
    outcomes.push({
      organizationId: organization._id.toHexString(),
      day,
      outcome: result.outcome,
      recipients: result.recipients,
    });
  }
  return outcomes;
}
