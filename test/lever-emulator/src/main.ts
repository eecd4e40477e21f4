import { createEmulator } from './index.ts';

/** Process entry: `pnpm --filter @eligo/lever-emulator start` (PORT, HOST, LEVER_EMULATOR_* env). */
const port = Number(process.env.PORT ?? 4010);
const host = process.env.HOST ?? '127.0.0.1';
const emulator = createEmulator({
  baseUrl: process.env.LEVER_EMULATOR_BASE_URL,
  audience: process.env.LEVER_EMULATOR_AUDIENCE,
  environment: process.env.LEVER_EMULATOR_ENVIRONMENT === 'sandbox' ? 'sandbox' : 'production',
  retryDelayScale: process.env.LEVER_EMULATOR_RETRY_DELAY_SCALE
    ? Number(process.env.LEVER_EMULATOR_RETRY_DELAY_SCALE)
    : undefined,
  switches: {
    eventGroupsEnabledByDefault: process.env.LEVER_EMULATOR_EVENT_GROUPS_ENABLED === 'true',
  },
  logger: process.env.LEVER_EMULATOR_LOG === 'true',
  stateFile: process.env.LEVER_EMULATOR_STATE_FILE || undefined,
});

const url = await emulator.listen(port, host);
const { client } = emulator.options;
console.log(`Lever emulator listening on ${url}`);
console.log(`  OAuth client ${client.clientId}; redirect URIs: ${client.redirectUris.join(', ')}`);
console.log(`  Settings: ${url}/settings/integrations (log in as sam.super@acme.example / lever)`);
if (emulator.stateFile) {
  const { state } = emulator;
  console.log(
    `  State kept in ${emulator.stateFile.path}; started from ${emulator.stateFile.startedFrom}` +
      ` (candidates: ${state.opportunities.size}, webhooks: ${state.webhooks.size}, ` +
      `authorized apps: ${[...state.grants.values()].filter((g) => !g.revokedAt).length})`,
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
