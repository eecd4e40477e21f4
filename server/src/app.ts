import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DestinationStream } from 'pino';
import { validatorCompilers } from './lib/validation.ts';
import { loggerOptions } from './logger.ts';
import configPlugin, { type Config } from './plugins/config.ts';
import authPlugin from './plugins/auth.ts';
import clockPlugin, { type Clock } from './plugins/clock.ts';
import cryptoPlugin from './plugins/crypto.ts';
import csrfPlugin from './plugins/csrf.ts';
import errorsPlugin, { answerClientError, sendError } from './plugins/errors.ts';
import hostCheckPlugin from './plugins/host-check.ts';
import limitsPlugin from './plugins/limits.ts';
import jobsPlugin from './plugins/jobs.ts';
import mailPlugin from './plugins/mail.ts';
import schedulerPlugin from './plugins/scheduler.ts';
import mongoPlugin, { type MongoOptions } from './plugins/mongo.ts';
import rateLimitPlugin from './plugins/rate-limit.ts';
import securityPlugin from './plugins/security.ts';
import spaPlugin from './plugins/spa.ts';
import swaggerPlugin from './plugins/swagger.ts';
import accountModule from './modules/account/account.routes.ts';
import applicantsModule from './modules/applicants/applicants.routes.ts';
import auditModule from './modules/audit/audit.routes.ts';
import authModule from './modules/auth/auth.routes.ts';
import countiesModule from './modules/counties/counties.routes.ts';
import jobsModule from './modules/jobs/jobs.routes.ts';
import filingModule from './modules/filing/filing.routes.ts';
import homeModule from './modules/home/home.routes.ts';
import creditsModule from './modules/credits/credits.routes.ts';
import leverModule from './modules/lever/lever.routes.ts';
import mailboxModule from './modules/mailbox/mailbox.routes.ts';
import organizationModule from './modules/organizations/organization.routes.ts';
import surveyModule from './modules/survey/survey.routes.ts';
import systemModule from './modules/system/system.routes.ts';
import usersModule from './modules/users/users.routes.ts';

export interface AppOptions {
  config: Config;
  mongo?: MongoOptions;
  /** What time it is (default: the real time); tests pass one they can move. */
  clock?: Clock;
}

/** The whole application as a plugin. It never listens; `server.ts` and the tests decide that. */
export default async function app(fastify: FastifyInstance, opts: AppOptions): Promise<void> {
  // Infrastructure first, each plugin after what it depends on. Swagger and the auth/CSRF hooks
  // must be in place before any route is registered, so they see (and guard) every one.
  await fastify.register(configPlugin, { config: opts.config });
  await fastify.register(clockPlugin, opts.clock ? { clock: opts.clock } : {});
  await fastify.register(securityPlugin);
  await fastify.register(errorsPlugin);
  // Before anything that answers: a request for a foreign Host name gets nothing but a 421.
  await fastify.register(hostCheckPlugin);
  await fastify.register(mongoPlugin, opts.mongo ?? {});
  await fastify.register(cryptoPlugin);
  await fastify.register(schedulerPlugin);
  await fastify.register(limitsPlugin);
  await fastify.register(jobsPlugin);
  await fastify.register(mailPlugin);
  await fastify.register(swaggerPlugin);
  await fastify.register(csrfPlugin);
  await fastify.register(authPlugin);
  // Before the modules: it hooks the routes that declare `config.rateLimit` or
  // `config.sharedRateLimit` as they are added.
  await fastify.register(rateLimitPlugin);

  // Business modules. Paths come from the shared route table (all under /api). `organizations`
  // before `applicants` (which listens to "employer profile saved"), `applicants` before `lever`
  // (Lever's tag sync subscribes to app.applicants' "status decided" at boot).
  await fastify.register(systemModule);
  await fastify.register(authModule);
  await fastify.register(accountModule);
  await fastify.register(usersModule);
  await fastify.register(mailboxModule);
  await fastify.register(organizationModule);
  await fastify.register(applicantsModule);
  await fastify.register(surveyModule);
  await fastify.register(countiesModule);
  await fastify.register(leverModule);
  await fastify.register(filingModule);
  await fastify.register(homeModule);
  await fastify.register(creditsModule);
  await fastify.register(auditModule);
  await fastify.register(jobsModule);

  // Last: static SPA files and the not-found handler for whatever no module claimed.
  await fastify.register(spaPlugin);
}

export interface CreateAppOptions extends Partial<Omit<AppOptions, 'config'>> {
  /** Where log lines go instead of stdout (tests capture them to prove nothing secret is logged). */
  logStream?: DestinationStream;
  /**
   * Routes registered after the app's own, before it is ready: only tests use it, to exercise
   * infrastructure through a demonstration route (e.g. the CSV import mechanism of lib/csv-import).
   */
  testRoutes?: FastifyPluginAsync;
}

/** Builds the Fastify instance exactly as production runs it (server.ts and tests both use this). */
export async function createApp(
  config: Config,
  options: CreateAppOptions = {},
): Promise<FastifyInstance> {
  const fastify = Fastify({
    logger: options.logStream
      ? { ...loggerOptions({ ...config, env: 'production' }), stream: options.logStream }
      : loggerOptions(config),
    trustProxy: config.trustProxy,
    // A URL no route can take (broken percent-encoding, an over-long path parameter): a 400, or
    // what the module owning that path chose (`answerMalformedUrls`, e.g. the survey's one 404).
    frameworkErrors: (_error, request, reply) =>
      void sendError(request, reply as FastifyReply, request.server.malformedUrlError(request.url)),
    // Requests Node's HTTP parser refuses (431, 400, 408): the same error body as every answer.
    clientErrorHandler: answerClientError,
    bodyLimit: 1024 * 1024,
    requestTimeout: config.http.requestTimeoutMs,
    // Socket inactivity; never shorter than a request may take.
    connectionTimeout: Math.max(60_000, config.http.requestTimeoutMs),
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    forceCloseConnections: 'idle',
    // Coercion for query strings and path parameters only; bodies must have the declared types.
    schemaController: validatorCompilers(),
  }).withTypeProvider<TypeBoxTypeProvider>();
  // fastify-plugin: the app's decorators (mongo, crypto, config…) are visible on the returned instance.
  await fastify.register(fp(app, { name: 'eligo' }), {
    config,
    ...(options.mongo ? { mongo: options.mongo } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  try {
    if (options.testRoutes) await fastify.register(options.testRoutes);
    await fastify.ready();
  } catch (error) {
    // A failed boot (e.g. a data key no configured key can read) leaves no connection open.
    await fastify.close().catch(() => undefined);
    throw error;
  }
  return fastify as unknown as FastifyInstance;
}
