import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { AppError } from '../lib/app-error.ts';
import { isSurveyPage, surveyPreloadLinks } from './survey-preload.ts';

const UNUSED_ON_IMMUTABLE = ['etag', 'last-modified', 'accept-ranges'];

/**
 * Serves the built web app and answers everything no route claimed: unknown `/api/*` paths get the
 * JSON 404 body, other GET requests get `index.html` so the SPA's router can handle deep links.
 *
 * The build writes a brotli (`.br`) and a gzip (`.gz`) copy beside each file
 * (`web/build/precompress.ts`); `preCompressed` picks one by `Accept-Encoding`, sets
 * `Content-Encoding` and `Vary: Accept-Encoding`, and falls back to the plain file. Nothing is
 * compressed per request. Source maps are not built, so none can be published.
 */
export default fp(
  async (app) => {
    const root = app.config.webDistDir;
    const indexFile = path.join(root, 'index.html');
    const hasSpa = existsSync(indexFile);
    const surveyLinks = hasSpa ? surveyPreloadLinks(root) : null;
    if (hasSpa) {
      await app.register(fastifyStatic, {
        root,
        wildcard: false,
        index: false,
        preCompressed: true,
        // Hashed asset names can be cached forever; index.html must always be revalidated.
        setHeaders(reply, filePath) {
          const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
          void reply.header(
            'cache-control',
            immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
          // A file that never changes under its name is never revalidated nor fetched in parts:
          // its validators and `Accept-Ranges` would only be 90 bytes more per file on the
          // survey's slow first load (issue 23 item 4).
          if (immutable) for (const name of UNUSED_ON_IMMUTABLE) reply.removeHeader(name);
        },
      });
    } else {
      app.log.warn({ webDistDir: root }, 'web app not built: only the API is served');
    }

    app.setNotFoundHandler((request, reply) => {
      const isApi = request.url === '/api' || request.url.startsWith('/api/');
      // A missing asset (an older build's file, a source map) must not turn into the page.
      const isAsset = request.url.startsWith('/assets/');
      const wantsPage = request.method === 'GET' || request.method === 'HEAD';
      if (!isApi && !isAsset && wantsPage && hasSpa) {
        if (surveyLinks && isSurveyPage(request.url)) void reply.header('link', surveyLinks);
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
      throw AppError.notFound(`No route for ${request.method} ${request.url.split('?')[0]}`);
    });
  },
  { name: 'spa', dependencies: ['config', 'errors'] },
);
