export type Log = (message: string) => void;

/** A database server these tools started, and how to stop it. */
export interface RunningDatabase {
  kind: 'ferretdb2' | 'mongodb-memory-server';
  /** Engine and versions, for logs, e.g. "FerretDB v2.7.0 on PostgreSQL 15.20 with DocumentDB 0.107-0". */
  description: string;
  /** Connection string without a database name, e.g. `mongodb://127.0.0.1:27017`. */
  uri: string;
  stop(): Promise<void>;
}
