/**
 * How Eligo writes a moment in mail and wherever mail is shown (the dev mailbox): one format,
 * in UTC so it reads the same for the sender and every recipient, e.g. "28 Nov 2026, 19:05 UTC".
 */
export function formatMailDate(date: Date | string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).formatToParts(new Date(date));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} UTC`;
}
