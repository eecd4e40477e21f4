import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

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

/** Security headers for every response, and no caching of API answers (they may carry PII). */
export default fp(
  async (app) => {
    await app.register(helmet, {
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
    });
    app.addHook('onRequest', async (request, reply) => {
      void reply.header('permissions-policy', PERMISSIONS_POLICY);
      // `request.protocol` honours X-Forwarded-Proto only when TRUST_PROXY is set.
      if (request.protocol === 'https')
        void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    });
    app.addHook('onSend', async (request, reply) => {
      if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
        void reply.header('cache-control', 'no-store');
      }
    });
  },
  { name: 'security' },
);
