import { onMounted, ref } from 'vue';
import { mailboxRoutes } from '@eligo/shared/routes/mailbox';
import type { MailDelivery } from '@eligo/shared/schemas/mailbox';
import { call } from '../../api/client.ts';

/** What to tell an admin after an invitation went out, given where mail really goes. */
export function invitationNotice(email: string, delivery: MailDelivery | null): string {
  if (!delivery || delivery.transport === 'smtp') return `Invitation sent to ${email}.`;
  if (delivery.devMailbox)
    return `No mail server is configured: the invitation to ${email} was not sent but kept in the outbox. Copy its link from the dev mailbox.`;
  return `No mail server is configured: the invitation to ${email} was not sent but kept in the outbox. Set SMTP_URL to send mail (or, on a local machine, start with DEV_MAILBOX=true to read it at /dev/mailbox).`;
}

/** Whether the notice points at the dev mailbox (the page shows a link to it). */
export function pointsAtMailbox(delivery: MailDelivery | null): boolean {
  return delivery?.transport === 'outbox' && delivery.devMailbox;
}

/** Loads where mail goes once; `notice(email)` then words the confirmation accordingly. */
export function useInvitationNotice() {
  const delivery = ref<MailDelivery | null>(null);
  onMounted(() => {
    call(mailboxRoutes.delivery).then(
      (value) => (delivery.value = value),
      () => (delivery.value = null),
    );
  });
  return { delivery, notice: (email: string) => invitationNotice(email, delivery.value) };
}
