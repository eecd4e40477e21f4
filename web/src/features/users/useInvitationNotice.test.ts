import { describe, expect, test } from 'vitest';
import { invitationNotice, pointsAtMailbox } from './useInvitationNotice.ts';

describe('invitationNotice', () => {
  test('with SMTP the invitation was sent', () => {
    const smtp = { transport: 'smtp', devMailbox: false } as const;
    expect(invitationNotice('a@example.com', smtp)).toBe('Invitation sent to a@example.com.');
    expect(pointsAtMailbox(smtp)).toBe(false);
  });

  test('without SMTP it says the mail stayed in the outbox, and where to read it', () => {
    const mailbox = { transport: 'outbox', devMailbox: true } as const;
    const withMailbox = invitationNotice('a@example.com', mailbox);
    expect(withMailbox).toContain('not sent');
    expect(withMailbox).toContain('dev mailbox');
    expect(pointsAtMailbox(mailbox)).toBe(true);
    const none = { transport: 'outbox', devMailbox: false } as const;
    const without = invitationNotice('a@example.com', none);
    expect(without).toContain('SMTP_URL');
    expect(without).not.toMatch(/^Invitation sent/);
    expect(pointsAtMailbox(none)).toBe(false);
  });
});
