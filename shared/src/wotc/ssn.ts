/**
 * Social Security numbers. The schema stores `NNN-NN-NNNN` or `NNNNNNNNN`; `normalizeSsn` turns
 * either (and stray spaces) into nine digits. Validity follows the SSA's rules for numbers it has
 * never issued: area 000, 666 and 900–999, group 00 and serial 0000 are impossible.
 */

/** Schema pattern: nine digits, either without dashes or as `NNN-NN-NNNN`, never impossible. */
export const SSN_PATTERN = '^(?!000|666|9\\d\\d)\\d{3}(-?)(?!00)\\d{2}\\1(?!0000)\\d{4}$';

/** Nine digits, or `null` when the input is not an SSN shape (wrong length, letters, …). */
export function normalizeSsn(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\d{3}([- ]?)\d{2}\1\d{4}$/.test(trimmed)) return null;
  return trimmed.replace(/\D/g, '');
}

/**
 * Why nine digits are not an SSN the SSA could have issued: `itin` (900–999 are Individual
 * Taxpayer Identification Numbers, issued by the IRS), `area` (000, 666), `group` (00), `serial`
 * (0000); `shape` when it is not nine digits at all; `null` for a valid SSN.
 */
export function ssnProblem(input: string): 'shape' | 'itin' | 'area' | 'group' | 'serial' | null {
  const digits = normalizeSsn(input);
  if (digits === null) return 'shape';
  const area = digits.slice(0, 3);
  if (area[0] === '9') return 'itin';
  if (area === '000' || area === '666') return 'area';
  if (digits.slice(3, 5) === '00') return 'group';
  if (digits.slice(5) === '0000') return 'serial';
  return null;
}

/** True for a well-formed SSN that the SSA could have issued. Dashes are optional. */
export function isValidSsn(input: string): boolean {
  return ssnProblem(input) === null;
}

/** `***-**-1234` for display; `null` when the input is not an SSN. */
export function maskSsn(input: string): string | null {
  const digits = normalizeSsn(input);
  return digits === null ? null : `***-**-${digits.slice(5)}`;
}
