import { FILING_MISSING_LABELS, type FilingMissing } from '@eligo/shared/filing';
import type { ScreenedAfterOffer } from '@eligo/shared/schemas/hire';

/** One hire in the digest, as the Filing screen describes it. */
export interface DigestItem {
  name: string;
  startedOn: string;
  dueOn: string;
  daysLeft: number;
  missing: readonly FilingMissing[];
  screenedAfterOffer: ScreenedAfterOffer | null;
}

export interface DigestMailInput {
  recipientName: string;
  /** The employer's legal name, else the organization's name. */
  employerName: string;
  today: string;
  timeZone: string;
  now: Date;
  overdue: { items: DigestItem[]; total: number };
  dueSoon: { items: DigestItem[]; total: number };
  filingUrl: string;
}

/** `2026-03-10` → `Mar 10, 2026` (a calendar day: formatted in UTC, where it is midnight). */
function day(isoDate: string, style: 'medium' | 'full' = 'medium'): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

function zoneName(timeZone: string, now: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'long' })
    .formatToParts(now)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

function when(item: DigestItem): string {
  const { daysLeft } = item;
  if (daysLeft === 0) return `due today, ${day(item.dueOn)}`;
  if (daysLeft === 1) return `due tomorrow, ${day(item.dueOn)}`;
  if (daysLeft > 1) return `due ${day(item.dueOn)} (in ${daysLeft} days)`;
  const ago = -daysLeft;
  return `was due ${day(item.dueOn)} (${ago} ${ago === 1 ? 'day' : 'days'} ago)`;
}

function line(item: DigestItem): string {
  const name = item.name.trim() || '(name not known)';
  const needs = item.missing.filter((m) => m !== 'screened_after_offer');
  const state =
    item.missing.length === 0
      ? 'Ready to file.'
      : needs.length > 0
        ? `Still missing: ${needs.map((m) => FILING_MISSING_LABELS[m].toLowerCase()).join(', ')}.`
        : '';
  const screened = item.screenedAfterOffer;
  const flag = screened
    ? `Screened after the ${screened.comparedWith === 'offeredOn' ? 'offer' : 'hire'}: the survey was signed on ${day(screened.signedOn)}, after the ${screened.comparedWith === 'offeredOn' ? `offer on ${day(screened.offeredOn!)}` : `hire on ${day(screened.hiredOn!)}`}; the state is likely to deny it.`
    : '';
  return [`- ${name}: started ${day(item.startedOn)}, ${when(item)}.`, state, flag]
    .filter(Boolean)
    .join(' ');
}

function section(title: string, list: { items: DigestItem[]; total: number }): string[] {
  if (list.total === 0) return [];
  const more = list.total - list.items.length;
  return [
    `${title} (${list.total})`,
    ...list.items.map(line),
    ...(more > 0 ? [`…and ${more} more on the Filing screen.`] : []),
    '',
  ];
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The digest email, in English, in words for people: names, days, days left, what is missing. */
export function digestMail(input: DigestMailInput): { subject: string; text: string } {
  const { overdue, dueSoon } = input;
  const parts = [
    ...(overdue.total > 0 ? [count(overdue.total, 'hire overdue', 'hires overdue')] : []),
    ...(dueSoon.total > 0 ? [`${count(dueSoon.total, 'hire', 'hires')} due within 7 days`] : []),
  ];
  const subject = `WOTC filing: ${parts.join(', ')} (${input.employerName})`;
  const text = [
    `Hello ${input.recipientName},`,
    '',
    `Form 8850 must reach the state workforce agency no later than the 28th day after a new hire starts work; after that the tax credit for that hire is lost. This is where ${input.employerName}'s hires stand on ${day(input.today, 'full')} (${zoneName(input.timeZone, input.now)}).`,
    '',
    ...section('Overdue', overdue),
    ...section('Due within 7 days', dueSoon),
    `Open the Filing screen: ${input.filingUrl}`,
    '',
    `You receive this email because you are an admin of ${input.employerName} on Eligo. To stop it, turn off the daily filing digest under My Account › Profile.`,
  ].join('\n');
  return { subject, text };
}
