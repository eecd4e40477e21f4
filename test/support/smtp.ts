import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '@eligo/dev/processes';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** The Message-ID header, e.g. `<uuid@eligo.local>`. */
  messageId: string;
}

/**
 * Faults a test switches on and off while the server runs (the fault suite, the outbox tests):
 * - `stallAtRcpt`: RCPT TO is never answered (the sender waits until it gives up or dies);
 * - `swallowData`: that many messages are read to the end and never answered ("250" never comes);
 *   they are counted in `swallowed`, not in `received` (the sender cannot know they arrived);
 * - `rejectRcpt`: addresses refused with `550 5.1.1` (no such mailbox).
 */
export interface SmtpFaults {
  stallAtRcpt: boolean;
  swallowData: number;
  rejectRcpt: Set<string>;
}

export interface TestSmtpServer {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Messages read whole but never acknowledged (`faults.swallowData`). */
  swallowed: ReceivedMail[];
  faults: SmtpFaults;
  /** Resolves with the first mail to `address` (waits up to `timeoutMs`). */
  waitForMail(address: string, timeoutMs?: number): Promise<ReceivedMail>;
  /** Resolves with the mails to `address`, in arrival order, once there are `count` of them. */
  waitForMails(address: string, count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** An outage: stops listening and drops every open connection (stalled ones included). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

function parsed(mail: ParsedMail): ReceivedMail {
  const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
    a.value.map((v) => v.address ?? ''),
  );
  return {
    to,
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
    messageId: mail.messageId ?? '',
  };
}

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts, parsed. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const swallowed: ReceivedMail[] = [];
  const faults: SmtpFaults = { stallAtRcpt: false, swallowData: 0, rejectRcpt: new Set() };
  const port = await freePort();
  let server: SMTPServer | undefined;

  const newServer = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // An outage drops stalled connections at once instead of waiting for them.
      closeTimeout: 50,
      onRcptTo(address, _session, callback) {
        if (faults.stallAtRcpt) return; // never answered
        if (faults.rejectRcpt.has(address.address.toLowerCase())) {
          const error = Object.assign(new Error('5.1.1 No such mailbox here'), {
            responseCode: 550,
          });
          return callback(error);
        }
        callback();
      },
      onData(stream, _session, callback) {
        const swallow = faults.swallowData > 0;
        if (swallow) faults.swallowData -= 1;
        simpleParser(stream)
          .then((mail: ParsedMail) => {
            if (swallow) {
              swallowed.push(parsed(mail));
              return; // read to the end, never answered
            }
            received.push(parsed(mail));
            callback();
          })
          .catch(callback);
      },
    });

  const start = async () => {
    server = newServer();
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(port, '127.0.0.1', resolve);
    });
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      const closing = server;
      server = undefined;
      closing.close(() => resolve());
    });
  await start();

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
    port,
    received,
    swallowed,
    faults,
    waitForMails,
    waitForMail: async (address, timeoutMs) => (await waitForMails(address, 1, timeoutMs))[0]!,
    stop,
    start,
    close: stop,
  };
}

/** The first link in a mail's text that starts with `prefix`. */
export function linkFrom(mail: ReceivedMail, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}\\S+`).exec(mail.text);
  if (!match) throw new Error(`no link starting with ${prefix} in:\n${mail.text}`);
  return match[0];
}
