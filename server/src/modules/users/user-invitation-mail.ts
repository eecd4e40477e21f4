import { formatMailDate } from '@eligo/shared/mail-date';
import type { OutgoingMail } from '../../plugins/mail.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

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

/**
 * The email an invitation becomes when the address already has an Eligo account (in another
 * organization: an address holds one account). Nothing was created and there is nothing to
 * accept; the person learns what happened and what to do. The admin's answer is the same as for
 * any invitation, so inviting tells nobody whether an address has an account (issue 26).
 */
export function existingAccountInvitationMail(options: {
  to: string;
  inviteeName: string;
  inviterName: string;
  organizationName: string;
  signInUrl: string;
}): OutgoingMail {
  const { inviteeName, inviterName, organizationName, signInUrl } = options;
  const lines = [
    `${inviterName} invited you to ${organizationName} on Eligo, the WOTC screening tool.`,
    'This email address already has an Eligo account, with another organization. An account belongs to one organization, so nothing was created and your account is unchanged.',
    `To join ${organizationName} too, ask ${inviterName} to invite another email address of yours.`,
  ];
  const text = [
    `Hello ${inviteeName},`,
    '',
    ...lines.flatMap((line) => [line, '']),
    `To sign in to your account: ${signInUrl}`,
    'If you did not expect this invitation, you can ignore this email.',
  ].join('\n');
  const html = `<p>Hello ${escape(inviteeName)},</p>
${lines.map((line) => `<p>${escape(line)}</p>`).join('\n')}
<p><a href="${escape(signInUrl)}">Sign in to your account</a><br>If you did not expect this invitation, you can ignore this email.</p>`;
  return { to: options.to, subject: `You're invited to ${organizationName} on Eligo`, text, html };
}
