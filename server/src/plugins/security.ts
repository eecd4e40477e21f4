import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/** Powerful browser features Eligo never uses, turned off for its pages and anything they embed. */
const PERMISSIONS_POLICY = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'usb',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

export const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      upgradeInsecureRequests: null,
    },
  },
  // Sent below, and only over HTTPS (browsers ignore it over plain HTTP anyway).
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'no-referrer' },
};

/**
 * The headers helmet sets for these options, computed once. Nothing in them depends on the request
 * (no CSP nonces), so running helmet per request — what `@fastify/helmet` does: it rebuilds the
 * whole middleware chain, re-parsing the CSP directives, on every request — only costs CPU
 * (issue 23: a fifth of `GET /api/health`). Helmet stays the source of the header values.
 */
export function helmetHeaders(options: HelmetOptions = HELMET_OPTIONS): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    // `X-Powered-By` is removed by helmet; Fastify never sets it.
    removeHeader() {},
  };
  let ran = false;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error) => {
    if (error) throw error;
    ran = true;
  });
  // Helmet's middleware is synchronous without nonce functions; if that ever changes, fail loudly.
  if (!ran) throw new Error('helmet did not finish synchronously: its headers cannot be cached');
  return headers;
}

/**
 * Headers a browser reads only on a document (or a worker): on a script or a style sheet they do
 * nothing, and each built asset would carry their half kilobyte to the survey's phone a dozen times.
 */
const DOCUMENT_ONLY = new Set([
  'content-security-policy',
  'permissions-policy',
  'x-frame-options',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
]);

/**
 * Security headers for every response (built assets: those that apply to them — nosniff, the
 * resource and referrer policies), and no caching of API answers (they may carry PII).
 */
export default fp(
  async (app) => {
    const headers: Record<string, string> = {
      ...helmetHeaders(),
      'permissions-policy': PERMISSIONS_POLICY,
    };
    const names = Object.keys(headers);
    const assetNames = names.filter((name) => !DOCUMENT_ONLY.has(name));
    // Callback-style hooks: an async one costs a promise and a microtask on every request.
    app.addHook('onRequest', (request, reply, done) => {
      const set = request.url.startsWith('/assets/') ? assetNames : names;
      for (const name of set) void reply.header(name, headers[name]!);
      // `request.protocol` honours X-Forwarded-Proto only when TRUST_PROXY is set.
      if (request.protocol === 'https')
        void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
      done();
    });
    app.addHook('onSend', (request, reply, payload, done) => {
      if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
        void reply.header('cache-control', 'no-store');
      }
      done(null, payload);
    });
  },
  { name: 'security' },
);
