import 'fastify';

declare module 'fastify' {
  interface FastifySchema {
    /** One-line description of the route (the key @fastify/swagger reads). */
    summary?: string;
  }
}
