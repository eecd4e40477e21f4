import { SURVEY_LANGUAGES, type SurveyLanguage } from '@eligo/shared/schemas/survey';

/**
 * The survey language a browser asks for in `Accept-Language` (`es-US,es;q=0.9,en;q=0.8` → `es`):
 * the one with the highest weight among those the survey has, or null when it names neither.
 */
export function browserSurveyLanguage(header: string | undefined): SurveyLanguage | null {
  let best: { language: SurveyLanguage; weight: number } | null = null;
  for (const part of (header ?? '').split(',')) {
    const [range = '', ...parameters] = part.trim().split(';');
    const language = range.trim().toLowerCase().split('-')[0];
    if (!(SURVEY_LANGUAGES as readonly string[]).includes(language ?? '')) continue;
    const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    const weight = q === undefined ? 1 : Number(q);
    if (!(weight > 0)) continue;
    if (!best || weight > best.weight) best = { language: language as SurveyLanguage, weight };
  }
  return best?.language ?? null;
}

/**
 * The language the survey opens in. The applicant's own switch wins, always. Otherwise it is the
 * email's (the organization's survey language): an applicant who got a Spanish email reads Spanish,
 * whatever their phone is set to. But English is only the setting's default, so a browser that
 * prefers Spanish opens an English email's survey in Spanish.
 */
export function openingLanguage(
  applicant: { language: SurveyLanguage; languageChosen?: boolean },
  acceptLanguage: string | undefined,
): SurveyLanguage {
  if (applicant.languageChosen || applicant.language === 'es') return applicant.language;
  return browserSurveyLanguage(acceptLanguage) === 'es' ? 'es' : applicant.language;
}
