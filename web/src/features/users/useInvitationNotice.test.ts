import { describe, expect, test } from 'vitest';
import { invitationNotice } from './useInvitationNotice.ts';

describe('invitationNotice', () => {
  test('with SMTP the invitation was sent', () => {
    expect(invitationNotice('a@example.com', { transport: 'smtp', devMailbox: false })).toBe(
      'Invitation sent to a@example.com.',
    );
  });

  test('without SMTP it says the mail stayed in the outbox, and where to read it', () => {
    const withMailbox = invitationNotice('a@example.com', {
      transport: 'outbox',
      devMailbox: true,
    });
    expect(withMailbox).toContain('not sent');
    expect(withMailbox).toContain('/dev/mailbox');
    const without = invitationNotice('a@example.com', { transport: 'outbox', devMailbox: false });
    expect(without).toContain('SMTP_URL');
    expect(without).not.toMatch(/^Invitation sent/);
  });
});
