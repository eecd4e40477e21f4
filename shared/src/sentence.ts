/**
 * Ends a sentence after a name people typed, without doubling its period: `Acme` → `Acme.`, but
 * `Acme Inc.` stays `Acme Inc.` (and `Yahoo!` stays as it is).
 */
export function endSentence(text: string): string {
  return /[.!?…]$/.test(text.trimEnd()) ? text : `${text}.`;
}
