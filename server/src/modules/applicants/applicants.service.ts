import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  SURVEY_STATUS_LABELS,
  TAG_SYNC_LABELS,
  WOTC_STATUS_LABELS,
  type ApplicantDetail,
  type ApplicantFilters,
  type ApplicantList,
  type ListApplicantsQuery,
  type OverrideWotcStatusBody,
} from '@eligo/shared/schemas/applicants';
import { targetGroupNames } from '@eligo/shared/wotc/group-names';
import { AppError } from '../../lib/app-error.ts';
import { toCsv } from '../../lib/csv.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import { recordAudit } from '../audit/index.ts';
import { actionUnavailable } from './applicant-errors.ts';
import { applicantDetail, findApplicant } from './applicant-lookup.ts';
import { applicantModel } from './applicant.model.ts';
import { readFullSsn, toApplicantRow } from './applicant.dto.ts';
import {
  afterCursor,
  encodeCursor,
  readCursor,
  searchConditions,
  sortOf,
} from './applicant-query.ts';
import { readNewestFirst } from './applied-window.ts';
import { readEligibility } from './eligibility.ts';
import { recordEvent, userActor } from './timeline.ts';
import { filingContext } from './hires/filing-dto.ts';

/** Rows per CSV export at most (a bigger search is refused with a hint to narrow it). */
export const EXPORT_LIMIT = 50_000;

/** The dashboard and the applicant page; every query is scoped to the caller's organization. */
export function applicantsService(app: FastifyInstance) {
  const Applicants = applicantModel(app.mongo);
  const repo = (auth: AuthContext) => scoped(Applicants, auth.organization._id);

  function conditions(filters: ApplicantFilters, now: Date) {
    if (filters.from && filters.to && filters.from > filters.to) {
      throw AppError.validation([
        {
          path: '/querystring/to',
          message: 'The end date cannot be before the start date.',
          rule: 'invalid',
        },
      ]);
    }
    const all = searchConditions(filters, now);
    return all.length > 0 ? { $and: all } : {};
  }

  return {
    async list(auth: AuthContext, query: ListApplicantsQuery): Promise<ApplicantList> {
      const context = await filingContext(app, auth.organization._id);
      const { now } = context;
      const limit = query.limit ?? 25;
      const filter = conditions(query, now);
      const page = query.cursor
        ? { $and: [...((filter.$and as object[]) ?? []), afterCursor(query.sort, query.cursor)] }
        : filter;
      // A page after a cursor starts at the cursor's row, the first page now (the windows are
      // lower bounds only: an application dated after now is still in the first one).
      const start = query.cursor ? readCursor(query.sort, query.cursor).value : now;
      const rows = await readNewestFirst(query, page, start, limit + 1, (bounded) =>
        repo(auth).find(bounded, null, { sort: sortOf(query.sort), limit: limit + 1 }),
      );
      const items = rows.slice(0, limit);
      return {
        items: items.map((row) => toApplicantRow(row, context)),
        nextCursor: rows.length > limit ? encodeCursor(query.sort, items[items.length - 1]!) : null,
      };
    },

    async get(auth: AuthContext, id: string): Promise<ApplicantDetail> {
      return applicantDetail(app, auth, await findApplicant(app, auth, id));
    },

    /** An admin's decision on the WOTC status (Needs review, or a correction); re-tags in Lever. */
    async override(
      auth: AuthContext,
      id: string,
      body: OverrideWotcStatusBody,
    ): Promise<ApplicantDetail> {
      const applicant = await findApplicant(app, auth, id);
      if (!(await readEligibility(app, applicant))) {
        throw actionUnavailable('There is no result to override until the survey is answered');
      }
      const reason = body.reason.trim();
      const previous = applicant.wotcStatus;
      await repo(auth).updateOne(
        { _id: applicant._id },
        {
          $set: {
            wotcStatus: body.status,
            override: {
              status: body.status,
              reason,
              userId: auth.user._id,
              userName: auth.user.name,
              at: new Date(),
            },
          },
        },
      );
      await recordEvent(app, applicant, 'override', {
        actor: userActor(auth),
        data: { from: previous, to: body.status, reason },
      });
      await app.applicants.announceStatusDecided({
        applicant,
        status: body.status,
        actor: userActor(auth),
      });
      return applicantDetail(app, auth, applicant);
    },

    /** The full SSN, for an admin with a reason; audited before it is returned. */
    async revealSsn(
      request: FastifyRequest,
      auth: AuthContext,
      id: string,
      reason: string,
    ): Promise<{ ssn: string }> {
      const applicant = await findApplicant(app, auth, id);
      const ssn = await readFullSsn(app, applicant);
      if (!ssn) throw actionUnavailable('This applicant gave no SSN');
      await recordAudit(app, request, auth, {
        action: 'ssn_revealed',
        target: { type: 'applicant', id: applicant._id.toHexString() },
        fields: ['ssn'],
        reason: reason.trim(),
      });
      await recordEvent(app, applicant, 'ssn_revealed', {
        actor: userActor(auth),
        data: { reason: reason.trim() },
      });
      return { ssn };
    },

    /** The search as CSV: no SSN, no date of birth; audited before it is returned. */
    async exportCsv(
      request: FastifyRequest,
      auth: AuthContext,
      filters: ApplicantFilters,
    ): Promise<string> {
      const context = await filingContext(app, auth.organization._id);
      const { now } = context;
      const rows = await repo(auth).find(conditions(filters, now), null, {
        sort: sortOf(filters.sort),
        limit: EXPORT_LIMIT + 1,
      });
      if (rows.length > EXPORT_LIMIT) {
        throw AppError.badRequest(
          `The search has more than ${EXPORT_LIMIT} applicants: narrow it (e.g. by date) and export again`,
        );
      }
      const header = [
        'Name',
        'Email',
        'Posting',
        'Applied (UTC)',
        'Survey status',
        'WOTC status',
        'Target groups',
        'Max potential credit (USD)',
        'Lever tag',
        'Tag sync',
        'Lever opportunity',
      ];
      const lines: Array<Array<string | number | null>> = [];
      for (const applicant of rows) {
        const row = toApplicantRow(applicant, context);
        const eligibility = await readEligibility(app, applicant);
        lines.push([
          row.name,
          row.email,
          applicant.confidential ? 'Confidential posting' : row.postingTitle,
          row.appliedAt,
          SURVEY_STATUS_LABELS[row.surveyStatus],
          WOTC_STATUS_LABELS[row.wotcStatus],
          targetGroupNames(eligibility?.matches.map((m) => m.code) ?? []),
          eligibility ? eligibility.maxPotentialCredit : null,
          row.tagSync.tag,
          TAG_SYNC_LABELS[row.tagSync.state],
          applicant.lever?.opportunityId ?? null,
        ]);
      }
      const filterSummary = Object.entries(filters)
        .filter(([, value]) => value !== undefined && value !== '')
        .map(([key, value]) => `${key}=${String(value)}`)
        .join('&');
      await recordAudit(app, request, auth, {
        action: 'applicants_exported',
        fields: [
          'name',
          'email',
          'posting',
          'appliedAt',
          'surveyStatus',
          'wotcStatus',
          'eligibility',
        ],
        detail: { filters: filterSummary || null, rows: lines.length },
      });
      return toCsv(header, lines);
    },
  };
}
