import { reactive, ref, shallowRef } from 'vue';
import { ErrorCode } from '@eligo/shared/errors';
import { surveyRefs } from '@eligo/shared/routes/survey-endpoints';
import type {
  Survey,
  SurveyCompletion,
  SurveyLanguage,
  SurveyStep,
} from '@eligo/shared/schemas/survey';
import { ApiError, call } from '../../../api/client.ts';
import { takeEarlyLoad } from '../first-load.ts';
import {
  resumeStep,
  saveableAnswers,
  stepOf,
  type Answers,
  type FieldError,
  type SignatureInput,
} from '../survey-form.ts';

export type SurveyPhase = 'loading' | 'ready' | 'invalid' | 'failed' | 'done';

/** Why an action failed, for the screen to say in the applicant's language. */
export interface ActionFailure {
  kind: 'rate_limited' | 'network' | 'validation' | 'other';
  /** The server's own (English) message, shown for `other`. */
  message: string;
  /** Fields the server refused (400), by question id. */
  fields: FieldError[];
}

/** `/body/answers/zip` → `zip`; `/body/signature/fullName` → `signature_full_name`. */
function fieldOf(path: string): string {
  if (path.startsWith('/body/signature/fullName')) return 'signature_full_name';
  if (path.startsWith('/body/signature/agreed')) return 'signature_agreed';
  return path.replace(/^\/body\/answers\/?/, '').split('/')[0] ?? '';
}

/**
 * The survey behind one link: loading, saving per step, submitting and declining, through the
 * shared API client. The answers live here while the applicant types; nothing is kept in storage.
 */
export function useSurvey(
  token: string,
  options: { onLoaded?: (survey: Survey) => void | Promise<void> } = {},
) {
  const phase = ref<SurveyPhase>('loading');
  const survey = shallowRef<Survey | null>(null);
  const answers = reactive<Answers>({});
  const ssnSaved = ref(false);
  const step = ref<SurveyStep>(1);
  const completion = ref<SurveyCompletion | null>(null);
  const busy = ref<null | 'saving' | 'submitting' | 'declining'>(null);
  const failure = ref<ActionFailure | null>(null);

  function toFailure(error: unknown): ActionFailure | 'invalid' {
    if (!(error instanceof ApiError)) {
      return {
        kind: 'other',
        message: error instanceof Error ? error.message : String(error),
        fields: [],
      };
    }
    if (error.code === ErrorCode.SurveyLinkInvalid) return 'invalid';
    if (error.status === 429) return { kind: 'rate_limited', message: error.message, fields: [] };
    if (error.status === 0) return { kind: 'network', message: error.message, fields: [] };
    if (error.status === 400) {
      const fields = error.details
        .map((d) => ({ id: fieldOf(d.path), code: 'server' }))
        .filter((f) => f.id !== '');
      return { kind: 'validation', message: error.message, fields };
    }
    return { kind: 'other', message: error.message, fields: [] };
  }

  /** Runs an action; a dead link turns the page into the "no longer valid" message. */
  async function attempt(kind: 'saving' | 'submitting' | 'declining', run: () => Promise<void>) {
    busy.value = kind;
    failure.value = null;
    try {
      await run();
      return true;
    } catch (error) {
      const result = toFailure(error);
      if (result === 'invalid') phase.value = 'invalid';
      else failure.value = result;
      return false;
    } finally {
      busy.value = null;
    }
  }

  async function load(): Promise<void> {
    phase.value = 'loading';
    failure.value = null;
    try {
      const loaded = await (takeEarlyLoad(token) ?? call(surveyRefs.get, { params: { token } }));
      await options.onLoaded?.(loaded);
      survey.value = loaded;
      for (const key of Object.keys(answers)) delete answers[key];
      // A first visit starts from what the company already knows.
      const prefill: Answers = {
        first_name: loaded.applicant.firstName || undefined,
        last_name: loaded.applicant.lastName || undefined,
        email: loaded.applicant.email || undefined,
        state: loaded.applicant.state ?? undefined,
      };
      Object.assign(answers, loaded.draft ? loaded.draft.answers : prefill);
      for (const key of Object.keys(answers)) if (answers[key] === undefined) delete answers[key];
      ssnSaved.value = loaded.draft?.ssnSaved ?? false;
      step.value = loaded.draft
        ? resumeStep(loaded.draft.step, answers, loaded.asOf, ssnSaved.value)
        : 1;
      phase.value = 'ready';
    } catch (error) {
      const result = toFailure(error);
      if (result === 'invalid') phase.value = 'invalid';
      else {
        failure.value = result;
        phase.value = 'failed';
      }
    }
  }

  /** Saves the well-formed answers and the step to resume at (and a language switch). */
  async function save(resumeAt: SurveyStep, language?: SurveyLanguage): Promise<boolean> {
    const current = survey.value;
    if (!current) return false;
    return attempt('saving', async () => {
      const body = saveableAnswers(answers, current.asOf);
      await call(surveyRefs.saveAnswers, {
        params: { token },
        body: { step: resumeAt, answers: body, ...(language ? { language } : {}) },
      });
      if (body.ssn !== undefined) ssnSaved.value = body.ssn !== 'declined';
    });
  }

  async function submit(signature: SignatureInput, language: SurveyLanguage): Promise<boolean> {
    const current = survey.value;
    if (!current) return false;
    const ok = await attempt('submitting', async () => {
      completion.value = await call(surveyRefs.submit, {
        params: { token },
        body: {
          answers: saveableAnswers(answers, current.asOf),
          signature: { fullName: signature.fullName.trim(), agreed: true },
          language,
        },
      });
    });
    if (ok) phase.value = 'done';
    return ok;
  }

  async function decline(): Promise<boolean> {
    const ok = await attempt('declining', async () => {
      completion.value = await call(surveyRefs.decline, { params: { token } });
    });
    if (ok) phase.value = 'done';
    return ok;
  }

  return {
    phase,
    survey,
    answers,
    ssnSaved,
    step,
    completion,
    busy,
    failure,
    load,
    save,
    submit,
    decline,
    stepOfField: stepOf,
  };
}
