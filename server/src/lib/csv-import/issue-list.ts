import type { CsvIssue } from './csv-definition.ts';

/** How many errors an answer lists; `totalDetails` says how many there were in all. */
export const MAX_LISTED_ISSUES = 500;

/**
 * The errors of one file: counted in full, kept only as the first `MAX_LISTED_ISSUES` by line (so
 * a file with an error on each of 100,000 lines costs no more memory than one with 500). Issues
 * arrive mostly in line order; those of cross-row checks come last, in any order.
 */
export class IssueList {
  private kept: CsvIssue[] = [];
  private sorted = true;
  total = 0;
  private readonly crossRowLines = new Set<number>();
  /** Lines with at least one error from their own checks (counted by the caller, row by row). */
  rowsWithOwnErrors = 0;

  constructor(private readonly limit = MAX_LISTED_ISSUES) {}

  add(issue: CsvIssue): void {
    this.total += 1;
    const last = this.kept[this.kept.length - 1];
    if (last && issue.line < last.line) this.sorted = false;
    this.kept.push(issue);
    if (this.kept.length >= this.limit * 2) this.trim();
  }

  /**
   * An error found between rows. A line keeps only the first such error (a repeated row would
   * otherwise also be told it overlaps the row it repeats).
   */
  addCrossRow(issue: CsvIssue): void {
    if (this.crossRowLines.has(issue.line)) return;
    this.crossRowLines.add(issue.line);
    this.add(issue);
  }

  get rowsWithErrors(): number {
    return this.rowsWithOwnErrors + this.crossRowLines.size;
  }

  /** The first errors by line (then in the order they were found). */
  listed(): CsvIssue[] {
    this.trim();
    return this.kept;
  }

  private trim(): void {
    if (!this.sorted) this.kept.sort((a, b) => a.line - b.line);
    this.sorted = true;
    if (this.kept.length > this.limit) this.kept.length = this.limit;
  }
}
