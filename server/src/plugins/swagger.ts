import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

/** OpenAPI built from the route schemas: JSON at /api/docs/json, a browsable UI at /api/docs. */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Eligo API',
          description: 'WOTC screening for companies that recruit with Lever',
          version: '0.1.0',
        },
        components: {
          securitySchemes: {
            session: {
              type: 'apiKey',
              in: 'cookie',
              name: app.config.session.cookieName,
              description: 'Server-side session started by /api/auth/login or /api/auth/signup',
            },
          },
        },
      },
    });
    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      transformStaticCSP: (header) => header,
    });
  },
  { name: 'swagger', dependencies: ['security'] },
);
