// Checks real API answers against the OpenAPI document the collector serves: each JSON answer must match the
// schema its route declares for that status (or its 4XX/5XX class), so the document cannot drift from the API.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';

interface Operation { responses?: Record<string, { content?: Record<string, { schema?: object }> }> }
interface OpenApiDocument { openapi: string; paths: Record<string, Record<string, Operation>> }

// ajv-formats is CommonJS: its default export is the plugin function.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export interface OpenApiChecker {
  document: OpenApiDocument;
  /** Asserts the answer matches the declared schema; fails when the route or status is not documented. */
  check(method: string, url: string, status: number, body: unknown): void;
  /** Which operations were checked at least once ("GET /api/v1/devices"). */
  checked: Set<string>;
}

const templateOf = (document: OpenApiDocument, path: string): string | undefined =>
  Object.keys(document.paths).find((template) =>
    new RegExp(`^${template.replace(/\{[^/]+\}/g, '[^/]+')}$`).test(path));

export const openApiChecker = async (apiUrl: string): Promise<OpenApiChecker> => {
  const response = await fetch(`${apiUrl}/api/v1/openapi.json`);
  expect(response.status).toBe(200);
  const document = await response.json() as OpenApiDocument;
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  const compiled = new Map<string, ValidateFunction>();
  const checked = new Set<string>();
  return {
    document,
    checked,
    check(method, url, status, body) {
      const path = url.split('?')[0]!;
      const template = templateOf(document, path);
      expect(template, `${method} ${path} is in the OpenAPI document`).toBeDefined();
      const operation = document.paths[template!]![method.toLowerCase()];
      expect(operation, `${method} ${template} is documented`).toBeDefined();
      const declared = operation!.responses?.[String(status)] ?? operation!.responses?.[`${String(status)[0]}XX`];
      const schema = declared?.content?.['application/json']?.schema;
      expect(schema, `${method} ${template} documents its ${status} answer`).toBeDefined();
      const key = `${method} ${template} ${status}`;
      let validate = compiled.get(key);
      if (!validate) compiled.set(key, validate = ajv.compile(schema!));
      expect(validate(body) ? [] : validate.errors, `${key} matches the document`).toEqual([]);
      checked.add(`${method} ${template}`);
    },
  };
};
