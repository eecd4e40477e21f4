import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { validatorCompilers } from './validation.ts';

describe('validators: coercion for text inputs only', () => {
  const app = Fastify({ schemaController: validatorCompilers() });
  beforeAll(async () => {
    const number = { type: 'integer' };
    app.post(
      '/things/:n',
      {
        schema: {
          params: { type: 'object', properties: { n: number } },
          querystring: { type: 'object', properties: { page: number } },
          body: {
            type: 'object',
            properties: { step: number, agreed: { const: true } },
            additionalProperties: false,
          },
        },
      },
      async (request) => ({ params: request.params, query: request.query, body: request.body }),
    );
    await app.ready();
  });
  afterAll(() => app.close());

  test('path parameters and query strings are coerced', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/things/7?page=2',
      payload: { step: 1, agreed: true },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      params: { n: 7 },
      query: { page: 2 },
      body: { step: 1, agreed: true },
    });
  });

  test.each([[{ step: '1' }], [{ agreed: 'true' }], [{ agreed: 1 }]])(
    'a body with %o is refused, not converted',
    async (payload) => {
      const res = await app.inject({ method: 'POST', url: '/things/7', payload });
      expect(res.statusCode).toBe(400);
    },
  );
});
