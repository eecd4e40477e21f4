import { formatMailDate } from '@eligo/shared/mail-date';
import type { OutgoingMail } from '../../plugins/mail.ts';

/** The email with a password-reset link (asked for on the sign-in page's "Forgot password?"). */
export function passwordResetMail(options: {
  to: string;
  name: string;
  link: string;
  expiresAt: Date;
}): OutgoingMail {
  const expires = formatMailDate(options.expiresAt);
  const text = [
    `Hello ${options.name},`,
    '',
    'Someone (we hope you) asked to reset the password of your Eligo account. Choose a new one here:',
    '',
    options.link,
    '',
    `The link works once and expires on ${expires}. Resetting signs you out everywhere.`,
    'If you did not ask for this, ignore this email: your password stays as it is.',
  ].join('\n');
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<p>Hello ${escape(options.name)},</p>
<p>Someone (we hope you) asked to reset the password of your Eligo account.</p>
<p><a href="${escape(options.link)}">Choose a new password</a></p>
<p>The link works once and expires on ${escape(expires)}. Resetting signs you out everywhere.<br>If you did not ask for this, ignore this email: your password stays as it is.</p>`;
  return { to: options.to, subject: 'Reset your Eligo password', text, html };
}
