/**
 * Integer units for the credit arithmetic (docs/credits.md §4): dollars become whole cents and
 * hours hundredths of an hour as soon as they come in, rates basis points. Sums of integers are
 * exact, so splitting a pay period never moves a threshold or a cent.
 */

export const toCents = (dollars: number): number => Math.round(dollars * 100);

export const toDollars = (cents: number): number => cents / 100;

export const toHundredths = (hours: number): number => Math.round(hours * 100);

export const toBasisPoints = (rate: number): number => Math.round(rate * 10_000);

/** `cents × rate`, rounded half up to the cent (amounts are never negative). */
export function applyRate(cents: number, basisPoints: number): number {
  return Math.floor((cents * basisPoints + 5_000) / 10_000);
}
