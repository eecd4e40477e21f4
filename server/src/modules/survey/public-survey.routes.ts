import type { FastifyInstance, FastifyRequest } from 'fastify';
import { surveyRoutes } from '@eligo/shared/routes';
import { registerRoute } from '../../lib/route.ts';
import type { ApplicantDocument } from '../applicants/index.ts';
import { surveyLinkInvalid, surveyService } from './survey.service.ts';

/**
 * The public survey API: an encapsulated plugin, so its hook and rate limits apply to these routes
 * only. No session; the link token in the path is the credential. The per-IP limits are counted in
 * the database (`sharedRateLimit`): guessing links from many instances at once gains nothing.
 */
export default async function publicSurveyRoutes(app: FastifyInstance): Promise<void> {
  const survey = surveyService(app);
  const { perMinute, submitPerMinute } = app.config.surveyRateLimits;
  const readLimit = { sharedRateLimit: { max: perMinute, windowMs: 60_000 } };
  const writeLimit = { sharedRateLimit: { max: submitPerMinute, windowMs: 60_000 } };
  const applicants = new WeakMap<FastifyRequest, ApplicantDocument>();
  // A token the router cannot even parse (bad percent-encoding, too long) is a bad link too.
  app.answerMalformedUrls('/api/survey/', surveyLinkInvalid);

  // The link is checked before the params and body are validated: an unknown, malformed, expired
  // or used token gets the one 404 whatever else the request holds (never a 400 that would tell a
  // malformed token from a well-formed one). Only the holder of a working link sees 400s.
  app.addHook('preValidation', async (request) => {
    const { token } = request.params as { token?: unknown };
    applicants.set(request, await survey.findOpen(String(token ?? ''), new Date()));
  });
  const applicantOf = (request: FastifyRequest) => applicants.get(request)!;

  registerRoute(app, surveyRoutes.get, {
    config: readLimit,
    handler: async (request) =>
      survey.open(applicantOf(request), request.headers['accept-language']),
  });

  registerRoute(app, surveyRoutes.saveAnswers, {
    config: readLimit,
    bodyLimit: 64 * 1024,
    handler: async (request) => survey.save(applicantOf(request), request.body),
  });

  registerRoute(app, surveyRoutes.submit, {
    config: writeLimit,
    bodyLimit: 64 * 1024,
    handler: async (request) =>
      survey.submit(applicantOf(request), request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      }),
  });

  registerRoute(app, surveyRoutes.decline, {
    config: writeLimit,
    handler: async (request) => survey.decline(applicantOf(request)),
  });
}
