/** Puts `database` into a MongoDB connection string, keeping hosts and options. */
export function withDatabase(uri: string, database: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!match) throw new Error(`Not a MongoDB connection string: ${uri}`);
  return `${match[1]}/${database}${match[2] ?? ''}`;
}

/** A database name unique to this test file and run (MongoDB allows at most 63 characters). */
export function uniqueDatabaseName(label: string): string {
  const slug = label.replace(/[^a-zA-Z0-9]+/g, '_').slice(-24);
  return `eligo_t_${slug}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
