import { createApp } from './app.ts';
import { serve } from './lib/http/serve.ts';
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
  await serve(app, {
    host: config.host,
    port: config.port,
    shutdownGraceMs: config.http.shutdownGraceMs,
  });
  app.log.info(`Eligo API ready at ${config.publicUrl}`);
}

await main().catch((error: unknown) => {
  console.error('Eligo API failed to start:', error);
  process.exit(1);
});
