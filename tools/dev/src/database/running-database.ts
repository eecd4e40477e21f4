export type Log = (message: string) => void;

/** A database server these tools started, and how to stop it. */
export interface RunningDatabase {
  kind: 'ferretdb2' | 'mongodb-memory-server';
  /** Engine and versions, for logs, e.g. "FerretDB v2.7.0 on PostgreSQL 15.20 with DocumentDB 0.107-0". */
  description: string;
  /** Connection string without a database name, e.g. `mongodb://127.0.0.1:27017`. */
  uri: string;
  /**
   * FerretDB 2 only: its PostgreSQL, for fault tests that kill the database under a running
   * FerretDB (`kill`, SIGKILL by default, resolves once it exited) and start it again on the same
   * port and data (`restart`, resolves once it accepts connections).
   */
  postgres?: {
    pid(): number | undefined;
    kill(signal?: NodeJS.Signals): Promise<void>;
    restart(): Promise<void>;
  };
  /** FerretDB 2 only: its FerretDB process (supervision tests kill it). */
  ferretdb?: { pid(): number | undefined };
  stop(): Promise<void>;
}
