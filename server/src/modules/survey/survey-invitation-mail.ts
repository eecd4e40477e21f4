import { SURVEY_MINUTES, type SurveyLanguage } from '@eligo/shared/schemas/survey';
import { endSentence } from '@eligo/shared/sentence';
import type { OutgoingMail } from '../../plugins/mail.ts';

export interface SurveyMailOptions {
  to: string;
  language: SurveyLanguage;
  /** The applicant's first name as Lever gave it ('' when unknown). */
  firstName: string;
  organizationName: string;
  postingTitle: string | null;
  link: string;
  expiresAt: Date;
  /** 0 for the invitation, 1, 2… for reminders. */
  reminder: number;
}

interface Copy {
  subject: (o: SurveyMailOptions) => string;
  greeting: (name: string) => string;
  intro: (o: SurveyMailOptions) => string;
  why: (org: string) => string;
  voluntary: string;
  time: string;
  button: string;
  expires: (date: string) => string;
  ignore: string;
  dateLocale: string;
}

const copy: Record<SurveyLanguage, Copy> = {
  en: {
    subject: (o) =>
      `${o.reminder > 0 ? 'Reminder: ' : ''}${o.organizationName} asks you to complete a short tax credit survey`,
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    intro: (o) =>
      endSentence(
        `Thank you for applying to ${o.organizationName}${o.postingTitle ? ` for the ${o.postingTitle} position` : ''}`,
      ) + (o.reminder > 0 ? ' We have not received your answers to the survey below yet.' : ''),
    why: (org) =>
      `${org} takes part in the Work Opportunity Tax Credit (WOTC), a U.S. federal program that gives employers a tax credit for hiring people from certain groups, such as veterans and people who received public assistance. Your answers help ${org} find out whether it can claim the credit.`,
    voluntary:
      'Answering is voluntary. Your answers are kept confidential and do not affect your application; you can also decline the survey from the link.',
    time: `It takes about ${SURVEY_MINUTES} minutes.`,
    button: 'Open your survey',
    expires: (date) => `Your personal link works until ${date}. Please do not share it.`,
    ignore: 'If you did not apply, you can ignore this email.',
    dateLocale: 'en-US',
  },
  es: {
    subject: (o) =>
      `${o.reminder > 0 ? 'Recordatorio: ' : ''}${o.organizationName} le pide completar una breve encuesta sobre un crédito fiscal`,
    greeting: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
    intro: (o) =>
      endSentence(
        `Gracias por postularse en ${o.organizationName}${o.postingTitle ? ` para el puesto ${o.postingTitle}` : ''}`,
      ) + (o.reminder > 0 ? ' Todavía no hemos recibido sus respuestas a la encuesta.' : ''),
    why: (org) =>
      `${org} participa en el Crédito Fiscal por Oportunidad de Trabajo (WOTC), un programa federal de EE. UU. que otorga a los empleadores un crédito fiscal por contratar a personas de ciertos grupos, como veteranos y personas que recibieron asistencia pública. Sus respuestas ayudan a ${org} a saber si puede solicitar el crédito.`,
    voluntary:
      'Responder es voluntario. Sus respuestas son confidenciales y no afectan su solicitud; también puede rechazar la encuesta desde el enlace.',
    time: `Le tomará unos ${SURVEY_MINUTES} minutos.`,
    button: 'Abrir su encuesta',
    expires: (date) => `Su enlace personal funciona hasta el ${date}. No lo comparta.`,
    ignore: 'Si usted no se postuló, puede ignorar este correo.',
    dateLocale: 'es-US',
  },
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The email inviting an applicant to the survey (and its reminders), in the applicant's language
 * (the invitation of a colleague to Eligo is `users/user-invitation-mail.ts`).
 */
export function surveyInvitationMail(options: SurveyMailOptions): OutgoingMail {
  const c = copy[options.language];
  const date = options.expiresAt.toLocaleDateString(c.dateLocale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const paragraphs = [
    c.intro(options),
    c.why(options.organizationName),
    `${c.voluntary} ${c.time}`,
  ];
  const text = [
    c.greeting(options.firstName),
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    `${c.button}:`,
    options.link,
    '',
    c.expires(date),
    c.ignore,
    '',
    `— ${options.organizationName}`,
  ].join('\n');
  const html = `<p>${escape(c.greeting(options.firstName))}</p>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
<p><a href="${escape(options.link)}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;border-radius:8px;text-decoration:none">${escape(c.button)}</a></p>
<p>${escape(c.expires(date))}<br>${escape(c.ignore)}</p>
<p>— ${escape(options.organizationName)}</p>`;
  return { to: options.to, subject: c.subject(options), text, html };
}
