/**
 * The fault suite's knobs (test/faults/README.md). CI keeps outages to seconds so the suite stays
 * within a few minutes on 2 cores; `FAULTS_OUTAGE_SECONDS=300` runs the 5-minute outages.
 */
function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

export const faultSettings = {
  /** How long each outage lasts (SMTP down, Lever answering 503, the database or the API gone). */
  outageMs: positive('FAULTS_OUTAGE_SECONDS', 5) * 1000,
  /** Applications per scenario (the campaign used 50). */
  applications: Math.round(positive('FAULTS_APPLICATIONS', 8)),
  /**
   * The API's JOBS_MAX_BACKOFF_SECONDS: the longest wait between two retries, so about the longest
   * wait after an outage ends (production: 900).
   */
  maxBackoffSeconds: Math.round(positive('FAULTS_MAX_BACKOFF_SECONDS', 2)),
};

/** How long a scenario may take to recover once the fault is gone. */
export const recoveryTimeoutMs = () => 60_000 + 3 * faultSettings.maxBackoffSeconds * 1000;

/** A test's timeout: the outage, the recovery and the setup around them. */
export const scenarioTimeoutMs = () => 2 * faultSettings.outageMs + recoveryTimeoutMs() + 120_000;
