import closeWithGrace from 'close-with-grace';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './plugins/config.ts';

/** Process entry: parse config, build the app, listen, and close gracefully on signals. */
export async function main(env: Record<string, string | undefined> = process.env): Promise<void> {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Eligo API refuses to start. ${error.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  const app = await createApp(config);
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an uncaught error');
    else app.log.info({ signal }, 'closing');
    await app.close();
  });
  await app.listen({ host: config.host, port: config.port });
  app.log.info(`Eligo API ready at ${config.publicUrl}`);
}

await main().catch((error: unknown) => {
  console.error('Eligo API failed to start:', error);
  process.exit(1);
});
