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

/**
 * Why an action failed, for the screen to say in the applicant's language (never the server's own
 * English words): too many tries, no connection, the server busy (503, a timeout), refused fields,
 * or anything else.
 */
export interface ActionFailure {
  kind: 'rate_limited' | 'network' | 'busy' | 'validation' | 'unexpected';
  /** Fields the server refused (400), by question id, with the rule each broke. */
  fields: FieldError[];
}

const BUSY_CODES: readonly string[] = [ErrorCode.ServiceUnavailable, ErrorCode.RequestTimeout];

/** `/body/answers/zip` → `zip`; `/body/signature/fullName` → `signature_full_name`. */
function fieldOf(path: string): string {
  if (path.startsWith('/body/signature/fullName')) return 'signature_full_name';
  if (path.startsWith('/body/signature/agreed')) return 'signature_agreed';
  return path.replace(/^\/body\/answers\/?/, '').split('/')[0] ?? '';
}

/**
 * The survey behind one link: loading, saving (at each step, and quietly as the applicant types),
 * submitting and declining, through the shared API client. The answers live here while the
 * applicant types, and on the server as the draft (encrypted there); nothing is kept in the
 * browser's storage, so no SSN or date of birth either.
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
  /** Saves run one after another, in the order asked: an older draft never lands last. */
  let queue: Promise<unknown> = Promise.resolve();
  /** The last draft saved (or loaded), to skip saving the same again. */
  let lastSaved = '';

  function toFailure(error: unknown): ActionFailure | 'invalid' {
    if (!(error instanceof ApiError)) return { kind: 'unexpected', fields: [] };
    if (error.code === ErrorCode.SurveyLinkInvalid) return 'invalid';
    if (error.status === 429) return { kind: 'rate_limited', fields: [] };
    if (error.status === 0) return { kind: 'network', fields: [] };
    if (BUSY_CODES.includes(error.code)) return { kind: 'busy', fields: [] };
    const fields = error.details
      .map((d) => ({ id: fieldOf(d.path), code: d.rule ?? 'server' }))
      .filter((f) => f.id !== '');
    if (error.status === 400 && fields.length > 0) return { kind: 'validation', fields };
    return { kind: 'unexpected', fields: [] };
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
      lastSaved = JSON.stringify(draftBody(step.value));
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

  /** The draft to save: the well-formed answers, the step to resume at, a language switch. */
  function draftBody(resumeAt: SurveyStep, language?: SurveyLanguage) {
    return {
      step: resumeAt,
      answers: saveableAnswers(answers, survey.value!.asOf),
      ...(language ? { language } : {}),
    };
  }

  /** Runs a request after those asked before it (saves, then a submit, in that order). */
  function inTurn<T>(request: () => Promise<T>): Promise<T> {
    const next = queue.then(request);
    queue = next.catch(() => undefined);
    return next;
  }

  async function sendDraft(body: ReturnType<typeof draftBody>): Promise<void> {
    await inTurn(() => call(surveyRefs.saveAnswers, { params: { token }, body }));
    lastSaved = JSON.stringify(body);
    if (body.answers.ssn !== undefined) ssnSaved.value = body.answers.ssn !== 'declined';
  }

  /** Saves the well-formed answers and the step to resume at (and a language switch). */
  async function save(resumeAt: SurveyStep, language?: SurveyLanguage): Promise<boolean> {
    if (!survey.value) return false;
    return attempt('saving', () => sendDraft(draftBody(resumeAt, language)));
  }

  /**
   * Saves what was typed without a word on screen (the next Continue says if saving fails), so a
   * reload or a closed tab loses nothing; skipped when nothing changed since the last save.
   */
  async function saveQuietly(resumeAt: SurveyStep): Promise<void> {
    if (phase.value !== 'ready' || !survey.value || busy.value !== null) return;
    const body = draftBody(resumeAt);
    if (JSON.stringify(body) === lastSaved) return;
    try {
      await sendDraft(body);
    } catch (error) {
      if (toFailure(error) === 'invalid' && phase.value === 'ready') phase.value = 'invalid';
    }
  }

  async function submit(signature: SignatureInput, language: SurveyLanguage): Promise<boolean> {
    const current = survey.value;
    if (!current) return false;
    const ok = await attempt('submitting', async () => {
      const body = {
        answers: saveableAnswers(answers, current.asOf),
        signature: { fullName: signature.fullName.trim(), agreed: true as const },
        language,
      };
      completion.value = await inTurn(() => call(surveyRefs.submit, { params: { token }, body }));
    });
    if (ok) phase.value = 'done';
    return ok;
  }

  async function decline(): Promise<boolean> {
    const ok = await attempt('declining', async () => {
      completion.value = await inTurn(() => call(surveyRefs.decline, { params: { token } }));
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
    saveQuietly,
    submit,
    decline,
    stepOfField: stepOf,
  };
}
