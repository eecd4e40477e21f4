import { onScopeDispose, ref, watch } from 'vue';
import { applicantRefs as applicantRoutes } from '@eligo/shared/routes/applicant-endpoints';
import type {
  ApplicantDetail,
  OverrideStatus,
  ProtectedAnswers,
} from '@eligo/shared/schemas/applicants';
import { filingRefs, hireRefs } from '@eligo/shared/routes/filing-endpoints';
import type { PutHireBody } from '@eligo/shared/schemas/hires';
import type { SetFilingStatusBody } from '@eligo/shared/schemas/filing';
import { ApiError, call } from '../../api/client.ts';

/** Survey states in which a link without `sentAt` means its email is still in the outbox. */
const EMAIL_PENDING_STATUSES: readonly string[] = ['sending', 'sent', 'opened', 'in_progress'];
const QUIET_REFRESH_MS = 2_000;
/** About two minutes; past that the mail server is slow or down and "Sending" stays until a reload. */
const MAX_QUIET_REFRESHES = 60;

/** One applicant's page and the admin actions on it; each action answers the updated page. */
export function useApplicant(applicantId: () => string) {
  const applicant = ref<ApplicantDetail | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const notFound = ref(false);

  const params = () => ({ applicantId: applicantId() });

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    notFound.value = false;
    try {
      applicant.value = await call(applicantRoutes.get, { params: params() });
    } catch (e) {
      applicant.value = null;
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) notFound.value = true;
      else error.value = e instanceof Error ? e.message : String(e);
    } finally {
      loading.value = false;
    }
  }

  // A survey email is sent by the outbox, a moment after the admin asked: while one is on its way
  // (a link without `sentAt`), the page refreshes itself quietly, so "Sending" turns into "Sent"
  // and the timeline shows the email without a reload.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let refreshes = 0;
  const emailOnItsWay = (a: ApplicantDetail | null) =>
    !!a && a.survey.sentAt === null && EMAIL_PENDING_STATUSES.includes(a.surveyStatus);
  async function refreshQuietly(): Promise<void> {
    timer = undefined;
    try {
      applicant.value = await call(applicantRoutes.get, { params: params() });
    } catch {
      // The next explicit load shows the error; a background refresh stays silent.
    }
  }
  watch(applicant, (a) => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!emailOnItsWay(a)) {
      refreshes = 0;
      return;
    }
    if (refreshes >= MAX_QUIET_REFRESHES) return;
    refreshes += 1;
    timer = setTimeout(() => void refreshQuietly(), QUIET_REFRESH_MS);
  });
  onScopeDispose(() => {
    if (timer) clearTimeout(timer);
  });

  return {
    applicant,
    loading,
    error,
    notFound,
    load,
    async setEmail(email: string) {
      applicant.value = await call(applicantRoutes.setEmail, { params: params(), body: { email } });
    },
    async resend() {
      applicant.value = await call(applicantRoutes.resendSurvey, { params: params() });
    },
    async override(status: OverrideStatus, reason: string) {
      applicant.value = await call(applicantRoutes.overrideWotcStatus, {
        params: params(),
        body: { status, reason },
      });
    },
    /** Confirms or corrects the hire; the answer is the page, with the filing counted anew. */
    async saveHire(body: PutHireBody) {
      applicant.value = await call(hireRefs.put, { params: params(), body });
    },
    /** Records what the state did with the request; the answer is the page with its timeline. */
    async recordFiling(body: SetFilingStatusBody) {
      applicant.value = await call(filingRefs.setStatus, { params: params(), body });
    },
    /** Signs Form 8850 page 2 and ETA 9061 for the employer; the page then shows it ready. */
    async signForEmployer(input: { fullName: string; title: string; consentVersion: string }) {
      await call(filingRefs.sign, {
        body: { applicantIds: [applicantId()], ...input, agreed: true },
      });
      await load();
    },
    async retryTagSync() {
      applicant.value = await call(applicantRoutes.retryTagSync, { params: params() });
    },
    /** The full SSN; the page keeps it only while the dialog is open. */
    async revealSsn(reason: string): Promise<string> {
      const { ssn } = await call(applicantRoutes.revealSsn, { params: params(), body: { reason } });
      await load(); // the timeline now shows the reveal
      return ssn;
    },
    /** The protected answers (audited); the page keeps them until it is left. */
    async viewProtectedAnswers(reason: string): Promise<ProtectedAnswers> {
      const viewed = await call(applicantRoutes.viewProtectedAnswers, {
        params: params(),
        body: { reason },
      });
      await load(); // the timeline now shows the view
      return viewed;
    },
  };
}
