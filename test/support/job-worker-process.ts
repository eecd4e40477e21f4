/**
 * A separate API process for the jobs restart test: boots the app on MONGODB_URI, defines the
 * `restart-probe` job type with a handler that marks its start and then never finishes, and waits
 * to be killed (SIGKILL: no drain, no lease release — a crash).
 */
import { randomBytes } from 'node:crypto';
import { createApp } from '@eligo/server/app';
import { loadConfig } from '@eligo/server/config';

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
    await new Promise(() => {}); // hangs until the process is killed
  },
});
console.log('worker ready');
