import { formatMailDate } from '@eligo/shared/mail-date';
import type { OutgoingMail } from '../../plugins/mail.ts';

/*
 * The mails of an open sign-up. Whoever signs up chooses the address, so neither mail carries
 * text they chose (the organization's or their own name): sign-up cannot relay a message to
 * someone else's inbox. Which of the two an address gets is known only to whoever reads it.
 */

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** To a new address: the link that creates the organization. */
export function confirmSignupMail(options: {
  to: string;
  link: string;
  expiresAt: Date;
}): OutgoingMail {
  const expires = formatMailDate(options.expiresAt);
  const intro =
    'Someone (we hope you) asked to create an organization on Eligo, the WOTC screening tool, with this email address.';
  const text = [
    'Hello,',
    '',
    intro,
    'Confirm your address to create it and sign in:',
    '',
    options.link,
    '',
    `The link works once and expires on ${expires}.`,
    'If this was not you, ignore this email: nothing is created.',
  ].join('\n');
  const html = `<p>Hello,</p>
<p>${escape(intro)}</p>
<p><a href="${escape(options.link)}">Confirm your address and create the organization</a></p>
<p>The link works once and expires on ${escape(expires)}.<br>If this was not you, ignore this email: nothing is created.</p>`;
  return {
    to: options.to,
    subject: 'Confirm your email to create your organization on Eligo',
    text,
    html,
  };
}

/** To an address that already has an account: what happened and what to do. */
export function existingAccountSignupMail(options: {
  to: string;
  name: string;
  signInUrl: string;
}): OutgoingMail {
  const lines = [
    'Someone asked to create a new organization on Eligo with this email address, which already has an Eligo account. An address holds one account, so nothing was created and your account is unchanged.',
    'To use your account, sign in. If you were invited and have not chosen a password yet, use the link of your invitation, or ask your admin to send a new one.',
  ];
  const text = [
    `Hello ${options.name},`,
    '',
    ...lines.flatMap((line) => [line, '']),
    `Sign in: ${options.signInUrl}`,
    'If this was not you, you can ignore this email.',
  ].join('\n');
  const html = `<p>Hello ${escape(options.name)},</p>
${lines.map((line) => `<p>${escape(line)}</p>`).join('\n')}
<p><a href="${escape(options.signInUrl)}">Sign in</a><br>If this was not you, you can ignore this email.</p>`;
  return {
    to: options.to,
    subject: 'Someone tried to sign up to Eligo with your email',
    text,
    html,
  };
}
