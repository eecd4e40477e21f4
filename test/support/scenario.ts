import { describe, test } from 'vitest';

/** One step of a scenario: a test of its own, `timeoutMs` long (60 s unless said otherwise). */
export type Step = (title: string, run: () => Promise<void>, timeoutMs?: number) => void;

/**
 * A long scenario told as steps that report separately: each `step` is a vitest test (its own line
 * in the report, its own timeout), run in the order written, even when the run shuffles tests, on
 * state the steps share through the scenario's variables. Once a step fails the later ones are
 * skipped, naming it, since each builds on the ones before: a failure names the step it is in.
 */
export function scenario(title: string, steps: (step: Step) => void): void {
  describe(title, { shuffle: false }, () => {
    let failed: string | null = null;
    steps((name, run, timeoutMs = 60_000) =>
      test(name, { timeout: timeoutMs }, async (context) => {
        if (failed !== null) context.skip(`an earlier step failed: ${failed}`);
        context.onTestFailed(() => {
          failed = name;
        });
        await run();
      }),
    );
  });
}
