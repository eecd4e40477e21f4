import { formatIsoDate, parseIsoDate } from '@eligo/shared/wotc/dates';
import type { CrossRowCheck, CsvIssue, CsvRecord } from './csv-definition.ts';

/** In a sentence: `a`, `a and b`, `a, b and c`. */
function listed(names: readonly string[]): string {
  return names.length < 2
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Two rows with the same key: the later one is the error. Keeps one map entry (key → line) per row,
 * a few dozen bytes each, bounded by the import's row limit.
 */
export function noRepeatedKeys<R>(keyColumns: readonly string[]): CrossRowCheck<R> {
  const firstLine = new Map<string, number>();
  const issues: CsvIssue[] = [];
  const same = `same ${listed(keyColumns)}`;
  return {
    see({ key, line }) {
      const earlier = firstLine.get(key);
      if (earlier === undefined) firstLine.set(key, line);
      else
        issues.push({ line, column: keyColumns[0], message: `Repeats line ${earlier} (${same})` });
    },
    issues: () => issues,
  };
}

const DAY_MS = 86_400_000;

function dayNumber(isoDate: string): number {
  const date = parseIsoDate(isoDate);
  return date ? Date.UTC(date.year, date.month - 1, date.day) / DAY_MS : Number.NaN;
}

function isoDay(day: number): string {
  const date = new Date(day * DAY_MS);
  return formatIsoDate({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
  });
}

/**
 * Periods (inclusive `YYYY-MM-DD` dates) of one group (e.g. one employee) must not overlap. Keeps
 * three numbers per row (first day, last day, line) under the group's value; the error goes on
 * the later line of each overlapping pair and names the other. A row whose period ends before it
 * starts is the row check's business; it is ignored here.
 */
export function noOverlappingPeriods<R extends Record<string, unknown>>(columns: {
  group: keyof R & string;
  start: keyof R & string;
  end: keyof R & string;
  /** What one group is, for the message: "the same employee". */
  groupLabel: string;
}): CrossRowCheck<R> {
  const periods = new Map<string, number[]>();
  return {
    see({ row, line }: CsvRecord<R>) {
      const start = dayNumber(String(row[columns.start]));
      const end = dayNumber(String(row[columns.end]));
      if (!(start <= end)) return;
      const group = String(row[columns.group]);
      const list = periods.get(group);
      if (list) list.push(start, end, line);
      else periods.set(group, [start, end, line]);
    },
    *issues() {
      for (const flat of periods.values()) {
        const first = (i: number) => flat[i * 3];
        const last = (i: number) => flat[i * 3 + 1];
        const lineOf = (i: number) => flat[i * 3 + 2];
        const byStart = Array.from({ length: flat.length / 3 }, (_, i) => i).sort(
          (a, b) => first(a) - first(b) || last(a) - last(b),
        );
        // The period reaching furthest so far: a period starting on or before its last day overlaps it.
        let reach = -1;
        for (const i of byStart) {
          if (reach >= 0 && first(i) <= last(reach)) {
            const [mine, other] = lineOf(i) > lineOf(reach) ? [i, reach] : [reach, i];
            yield {
              line: lineOf(mine),
              column: columns.start,
              message: `Overlaps the period on line ${lineOf(other)} (${isoDay(first(other))} to ${isoDay(last(other))}) of ${columns.groupLabel}`,
            };
          }
          if (reach < 0 || last(i) > last(reach)) reach = i;
        }
      }
    },
  };
}
