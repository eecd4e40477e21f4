import type { HiresImportResult } from '@eligo/shared/schemas/hires';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What a hires CSV did, or would do on a dry run, in sentences (docs/filing.md §2): hires
 * recorded, updated, already so, and the people Eligo never screened (reported, never created).
 */
export function importOutcome(result: HiresImportResult): string[] {
  const would = result.dryRun;
  const were = (n: number) => (would ? 'would be' : n === 1 ? 'was' : 'were');
  const { created, updated, unchanged } = result;
  const lines = [
    `${count(result.rows, 'row', 'rows')} in the file.`,
    `${count(created, 'hire', 'hires')} ${were(created)} recorded, ${count(updated, 'hire', 'hires')} ${were(updated)} updated, ${count(unchanged, 'row', 'rows')} already as in the file.`,
  ];
  if (result.unknown > 0) {
    lines.push(
      `${count(result.unknown, 'row names', 'rows name')} nobody Eligo screened: ${
        would ? 'they would be' : 'they were'
      } left out.`,
    );
  }
  return lines;
}

/** Why a row's employee was not found, in words. */
export function unknownReason(reason: 'not_found' | 'ambiguous'): string {
  return reason === 'ambiguous'
    ? 'several applicants have this email: use the Lever opportunity id'
    : 'no applicant with this Lever opportunity id or email';
}

/** Whether the real import would write anything. */
export function importWouldChange(result: HiresImportResult): boolean {
  return result.created + result.updated > 0;
}
