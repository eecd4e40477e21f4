/**
 * The consent wording each signer is shown (docs/forms.md §5): the applicant at the end of the
 * survey, an admin when signing for the employer. One copy here, read by the screens that show it
 * and by the server, which records the version and the SHA-256 of the exact wording with each
 * signature. Changing a wording means a new version id: the records of older signatures keep
 * naming the one their signer saw. No schema, no dependency: the survey's bundle imports this file.
 */

/** The applicant's wording, per survey language. `{org}` is the organization's name. */
export const APPLICANT_CONSENT = {
  version: 'applicant-consent-2026-05',
  en: {
    statement:
      'I confirm that I gave this information to {org} on or before the day I was offered the job, and that it is true, correct and complete as far as I know. I am signing under penalties of perjury: giving false information on purpose is a crime.',
    agreement: 'I agree to sign electronically. My typed name is my signature.',
  },
  es: {
    statement:
      'Confirmo que di esta información a {org} el día en que me ofrecieron el empleo o antes, y que es verdadera, correcta y completa según mi conocimiento. Firmo bajo pena de perjurio: dar información falsa a propósito es un delito.',
    agreement: 'Acepto firmar electrónicamente. Mi nombre escrito es mi firma.',
  },
} as const;

export type ConsentLanguage = 'en' | 'es';

/** The applicant's wording as shown: the statement with the organization's name, then the box. */
export function applicantConsentText(language: ConsentLanguage, organizationName: string): string {
  const { statement, agreement } = APPLICANT_CONSENT[language];
  return `${statement.replaceAll('{org}', organizationName)}\n${agreement}`;
}

/** What an admin agrees to when signing Form 8850 page 2 and ETA 9061 for the employer. */
export const EMPLOYER_CONSENT = {
  version: 'employer-consent-2026-05',
  statement:
    'Under penalties of perjury, I declare for the employer that each applicant selected gave the information on their Form 8850 no later than the day a job was offered; that the information the employer furnished on Form 8850 and ETA Form 9061 is true, correct and complete as far as I know; that, based on the applicant’s information, the employer believes each applicant is a member of a targeted group; and that the forms are submitted to the state workforce agency no later than the 28th calendar day after the applicant began work.',
  agreement:
    'I agree to sign electronically for the employer. My typed name and title are my signature on Form 8850 (page 2) and ETA Form 9061 of each hire selected.',
} as const;

/** The employer's wording as shown: the declaration, then the box. */
export function employerConsentText(): string {
  return `${EMPLOYER_CONSENT.statement}\n${EMPLOYER_CONSENT.agreement}`;
}
