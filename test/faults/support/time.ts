/** Waits until `at` (ms since the epoch): the rest of an outage the scenario is holding open. */
export const until = (at: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
