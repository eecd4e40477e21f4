/** Lower-cased, trimmed, NFKC: the form uniqueness and lookups compare (FerretDB has no collation). */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}
