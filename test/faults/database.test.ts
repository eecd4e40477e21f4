import { Types } from 'mongoose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startOwnFerretDb2 } from '../support/database.ts';
import { waitFor } from '../support/wait.ts';
import { startFaultBed, type FaultBed } from './support/fault-bed.ts';
import { exactlyOnce, measureMails } from './support/scenario.ts';
import { faultSettings, scenarioTimeoutMs } from './support/settings.ts';
import { until } from './support/time.ts';

/**
 * PostgreSQL killed (SIGKILL) under FerretDB 2 while Lever's deliveries arrive (issue 25's table).
 * The database server is the scenario's own, never the run's: the webhook answers 503 (never 500)
 * while it is gone, Lever retries, and once it is back each applicant is surveyed exactly once.
 */
const { outageMs, applications } = faultSettings;
const outageSeconds = outageMs / 1000;
const reasons: string[] = [];
let ferret: Awaited<ReturnType<typeof startOwnFerretDb2>>;
let bed: FaultBed | undefined;

beforeAll(async () => {
  ferret = await startOwnFerretDb2((line) => reasons.push(line));
  if (ferret) bed = await startFaultBed(import.meta.filename, { serverUri: ferret.uri });
});
afterAll(async () => {
  await bed?.close();
  await ferret?.stop();
});

test(
  `PostgreSQL killed for ${outageSeconds} s while ${applications} deliveries arrive`,
  { timeout: scenarioTimeoutMs() },
  async (context) => {
    if (!ferret || !bed) {
      // Visible in the report with the reason; CI builds FerretDB 2, so it runs there.
      context.skip(`FerretDB 2 cannot run here: ${reasons.join('; ')}`);
      return;
    }
    const postgres = ferret.postgres;
    await postgres.kill('SIGKILL');
    const downAt = Date.now();
    let candidates;
    try {
      candidates = await bed.apply(applications, 'postgres-killed');
      // Lever delivered every application and was refused: it retries.
      await waitFor(
        'every delivery refused once',
        async () => {
          const { body } = await bed!.control('GET', '/deliveries');
          return (
            (body.data as Array<{ attempts: unknown[] }>).filter((d) => d.attempts.length > 0)
              .length >= applications
          );
        },
        { timeoutMs: 60_000, everyMs: 100 },
      );
      await until(downAt + outageMs);
    } finally {
      await postgres.restart();
    }
    const faultEndedAt = Date.now();
    const counts = await measureMails(bed, candidates, {
      scenario: `PostgreSQL SIGKILL for ${outageSeconds} s, ${applications} deliveries`,
      faultEndedAt,
    });
    const { body } = await bed.control('GET', '/deliveries');
    const statuses = (body.data as Array<{ attempts: Array<{ status?: number }> }>).flatMap((d) =>
      d.attempts.map((a) => a.status),
    );
    const serverErrors = statuses.filter((s) => s !== undefined && s >= 500 && s !== 503);
    context.annotate(`the webhook's answers to Lever: ${[...new Set(statuses)].join(', ')}`);
    if (counts.lost > 0)
      console.log(JSON.stringify(body.data, null, 1).slice(0, 6000), bed.api.output().slice(-8000));
    expect(counts).toEqual(exactlyOnce(applications));
    expect(serverErrors).toEqual([]);
    expect(statuses).toContain(503);
    const inbox = await bed.db
      .collection('leverinboxitems')
      .countDocuments({ organizationId: new Types.ObjectId(bed.organizationId) });
    expect(inbox).toBe(applications);
  },
);
