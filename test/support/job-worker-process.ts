/**
 * A separate API process for the jobs restart and shutdown tests: boots the app on MONGODB_URI,
 * defines the `restart-probe` job type with a handler that marks its start and then never finishes,
 * and serves as production does (`serve`, on a free port): SIGKILL is a crash (no drain, no lease
 * release), SIGTERM the graceful close.
 */
import { randomBytes } from 'node:crypto';
import { createApp } from '@eligo/server/app';
import { loadConfig } from '@eligo/server/config';
import { serve } from '@eligo/server/lib/http/serve';

const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  ...process.env,
});
const app = await createApp(config);
app.jobs.define<{ label: string }>('restart-probe', {
  handler: async (job) => {
    await app.mongo.collection('restart_probe_runs').insertOne({ jobId: job.id, pid: process.pid });
    // Never finishes by itself: until the process is killed, or a graceful close aborts it.
    await new Promise((_, reject) =>
      job.signal.addEventListener('abort', () => reject(job.signal.reason as Error)),
    );
  },
});
await serve(app, { host: '127.0.0.1', port: 0, shutdownGraceMs: config.http.shutdownGraceMs });
console.log('worker ready');
