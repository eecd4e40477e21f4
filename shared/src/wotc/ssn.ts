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

/** True for a well-formed SSN that the SSA could have issued. Dashes are optional. */
export function isValidSsn(input: string): boolean {
  const digits = normalizeSsn(input);
  if (digits === null) return false;
  const area = digits.slice(0, 3);
  const group = digits.slice(3, 5);
  const serial = digits.slice(5);
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

/** `***-**-1234` for display; `null` when the input is not an SSN. */
export function maskSsn(input: string): string | null {
  const digits = normalizeSsn(input);
  return digits === null ? null : `***-**-${digits.slice(5)}`;
}
