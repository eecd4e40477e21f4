import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '@eligo/dev/processes';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface TestSmtpServer {
  url: string;
  received: ReceivedMail[];
  /** Resolves with the first mail to `address` (waits up to `timeoutMs`). */
  waitForMail(address: string, timeoutMs?: number): Promise<ReceivedMail>;
  /** Resolves with the mails to `address`, in arrival order, once there are `count` of them. */
  waitForMails(address: string, count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts, parsed. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail: ParsedMail) => {
          const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
            a.value.map((v) => v.address ?? ''),
          );
          received.push({
            to,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
          });
          callback();
        })
        .catch(callback);
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const waitForMails = async (address: string, count: number, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mails = received.filter((m) => m.to.includes(address.toLowerCase()));
      if (mails.length >= count) return mails;
      if (Date.now() > deadline)
        throw new Error(
          `${mails.length} of ${count} mails to ${address} within ${timeoutMs} ms (got ${received.length} in all)`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitForMails,
    waitForMail: async (address, timeoutMs) => (await waitForMails(address, 1, timeoutMs))[0]!,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a mail's text that starts with `prefix`. */
export function linkFrom(mail: ReceivedMail, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}\\S+`).exec(mail.text);
  if (!match) throw new Error(`no link starting with ${prefix} in:\n${mail.text}`);
  return match[0];
}
