// The OpenAPI description of the JSON API, built from the routes' own schemas (query, body, responses),
// served at /api/v1/openapi.json without a token: it describes the API, it holds no data.
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { ERROR_RESPONSE } from './schemas.ts';

export const OPENAPI_PATH = '/api/v1/openapi.json';

export const registerOpenApi = (app: FastifyInstance): void => {
  void app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Invigilator collector API', version: '1',
        description: 'Device health, alerts, safeguarding incidents and settings. See docs/api.md for who may call each route.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A person\'s or a service\'s API token.' },
          session: { type: 'apiKey', in: 'cookie', name: 'invigilator_session', description: 'A signed-in browser; changes also send X-CSRF-Token.' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    // Only the JSON API: pages, sign-in and health checks are not part of it.
    // Every API answer may be an error in the documented shape.
    transform: ({ schema, url }) => ({
      schema: url.startsWith('/api/v1/') && url !== OPENAPI_PATH
        ? { ...schema, response: { ...(schema?.response as object | undefined), '4XX': ERROR_RESPONSE, '5XX': ERROR_RESPONSE } }
        : { ...schema, hide: true },
      url,
    }),
  });
};

export const openApiRoutes = (app: FastifyInstance): void => {
  app.get(OPENAPI_PATH, { config: { access: 'public' } }, async () => app.swagger());
};
