import { formatMailDate } from '@eligo/shared/mail-date';
import type { OutgoingMail } from '../../plugins/mail.ts';

/**
 * The email inviting a colleague to the organization's Eligo account (the survey's invitation to
 * applicants is `survey/survey-invitation-mail.ts`). The token rides in the link's fragment, which
 * browsers never send to servers.
 */
export function userInvitationMail(options: {
  to: string;
  inviteeName: string;
  inviterName: string;
  organizationName: string;
  link: string;
  expiresAt: Date;
}): OutgoingMail {
  const expires = formatMailDate(options.expiresAt);
  const text = [
    `Hello ${options.inviteeName},`,
    '',
    `${options.inviterName} invited you to ${options.organizationName} on Eligo, the WOTC screening tool.`,
    'Choose a password to activate your account:',
    '',
    options.link,
    '',
    `The link works once and expires on ${expires}.`,
    'If you did not expect this invitation, you can ignore this email.',
  ].join('\n');
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<p>Hello ${escape(options.inviteeName)},</p>
<p>${escape(options.inviterName)} invited you to <strong>${escape(options.organizationName)}</strong> on Eligo, the WOTC screening tool.</p>
<p><a href="${escape(options.link)}">Choose a password to activate your account</a></p>
<p>The link works once and expires on ${escape(expires)}.<br>If you did not expect this invitation, you can ignore this email.</p>`;
  return {
    to: options.to,
    subject: `You're invited to ${options.organizationName} on Eligo`,
    text,
    html,
  };
}
