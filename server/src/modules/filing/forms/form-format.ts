import { parseIsoDate } from '@eligo/shared/wotc';
import type { FormApplicant, PostalAddress } from './form-input.ts';

/**
 * How values are written on the forms. Both forms ask for dates as month/day/year, the SSN as
 * NNN-NN-NNNN. Pure and locale-independent, so the same input always gives the same text.
 */

/** `2026-03-02` → `03/02/2026`; blank for an unknown date. */
export function usDate(isoDate: string | null | undefined): string {
  const date = parseIsoDate(isoDate);
  if (!date) return '';
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.month)}/${pad(date.day)}/${pad(date.year, 4)}`;
}

// Building a formatter costs more than using it: one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function partsIn(instant: string, timeZone: string) {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new RangeError(`Not an ISO instant: ${instant}`);
  const parts = formatterFor(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return part;
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in a time zone. */
export function dateIn(instant: string, timeZone: string): string {
  const part = partsIn(instant, timeZone);
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** `03/02/2026 09:04:05 CST`: an instant as a reader in the organization's time zone sees it. */
export function localTimestamp(instant: string, timeZone: string): string {
  const part = partsIn(instant, timeZone);
  return `${part('month')}/${part('day')}/${part('year')} ${part('hour')}:${part('minute')}:${part('second')} ${part('timeZoneName')}`;
}

/** Nine digits (dashes optional) → `123-45-6789`; anything else is shown as given. */
export function ssnDashed(ssn: string | null): string {
  if (ssn === null) return '';
  const digits = ssn.replace(/\D/g, '');
  if (digits.length !== 9) return ssn;
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/** A 10-digit US number (optional +1) → `(512) 555-0100`; anything else as given. */
export function usPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
  if (digits.length !== 10) return phone;
  return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
}

/** `15.5` → `$15.50`; blank when unknown. */
export function dollars(amount: number | null): string {
  if (amount === null || !Number.isFinite(amount)) return '';
  const [whole, cents] = amount.toFixed(2).split('.');
  return `$${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** `Lovelace, Ada, B` (the 9061 asks Last, First, MI). */
export function nameLastFirst(applicant: FormApplicant): string {
  const parts = [applicant.lastName, applicant.firstName];
  if (applicant.middleInitial) parts.push(applicant.middleInitial);
  return parts.join(', ');
}

/** `Ada B Lovelace` (the 8850 asks "your name"). */
export function nameFirstLast(applicant: FormApplicant): string {
  return [applicant.firstName, applicant.middleInitial, applicant.lastName]
    .filter(Boolean)
    .join(' ');
}

/** `Springfield, IL 62701`. */
export function cityStateZip(address: PostalAddress): string {
  return `${address.city}, ${address.state} ${address.zip}`;
}
