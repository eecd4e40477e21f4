import { onMounted, ref } from 'vue';
import { mailboxRoutes } from '@eligo/shared/routes/mailbox';
import type { MailDelivery } from '@eligo/shared/schemas/mailbox';
import { call } from '../../api/client.ts';

/** What to tell an admin after an invitation went out, given where mail really goes. */
export function invitationNotice(email: string, delivery: MailDelivery | null): string {
  if (!delivery || delivery.transport === 'smtp') return `Invitation sent to ${email}.`;
  if (delivery.devMailbox)
    return `No mail server is configured: the invitation to ${email} was not sent but kept in the outbox. Open the dev mailbox (/dev/mailbox) to copy its link.`;
  return `No mail server is configured: the invitation to ${email} was not sent but kept in the outbox. Set SMTP_URL to send mail (or, on a local machine, start with DEV_MAILBOX=true to read it at /dev/mailbox).`;
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
