import type { FastifyInstance } from 'fastify';
import type { ApplicantDetail } from '@eligo/shared/schemas/applicants';
import { applicantRoutes } from '@eligo/shared/routes';
import { mailLimits, withReservation } from '../../lib/limits/mail-limits.ts';
import { registerRoute } from '../../lib/route.ts';
import { requireAuth, type AuthContext } from '../../plugins/auth.ts';
import {
  actionUnavailable,
  applicantDetail,
  findApplicant,
  setApplicantEmail,
  userActor,
} from '../applicants/index.ts';
import { inviteApplicant, resendSurvey } from './invitation.service.ts';

/**
 * Gives an applicant without an email one, then sends (or reuses) the survey; the email counts
 * against the admin mail limits (given back when none went out, e.g. the survey was reused).
 */
async function setEmailAndInvite(
  app: FastifyInstance,
  auth: AuthContext,
  id: string,
  email: string,
): Promise<ApplicantDetail> {
  const applicant = await findApplicant(app, auth, id);
  if (applicant.anonymized) {
    throw actionUnavailable('Lever anonymized this candidate: no email can be added');
  }
  const { status } = applicant.survey;
  if (applicant.reusedFrom || (status !== 'missing_email' && status !== 'not_sent')) {
    throw actionUnavailable('The survey was already sent to this applicant: use "Resend survey"');
  }
  return withReservation(
    mailLimits(app).surveyMail(auth.organization._id, applicant._id),
    async () => {
      await setApplicantEmail(app, applicant, email, userActor(auth));
      const { outcome } = await inviteApplicant(app, applicant, { actor: userActor(auth) });
      return { result: await applicantDetail(app, auth, applicant), sent: outcome === 'queued' };
    },
  );
}

/** The applicant page's survey delivery actions (admins): add a missing email, resend the survey. */
export default async function surveyDeliveryRoutes(app: FastifyInstance): Promise<void> {
  registerRoute(app, applicantRoutes.setEmail, {
    handler: async (request) =>
      setEmailAndInvite(app, requireAuth(request), request.params.applicantId, request.body.email),
  });

  registerRoute(app, applicantRoutes.resendSurvey, {
    handler: async (request) => {
      const auth = requireAuth(request);
      const applicant = await findApplicant(app, auth, request.params.applicantId);
      const reserveMail = () => mailLimits(app).surveyMail(auth.organization._id, applicant._id);
      return applicantDetail(
        app,
        auth,
        await resendSurvey(app, applicant, userActor(auth), reserveMail),
      );
    },
  });
}
