/** Lower-cased, trimmed, NFKC: the form uniqueness and lookups compare (FerretDB has no collation). */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

/** True when MongoDB/FerretDB refused an insert because of a unique index. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}
