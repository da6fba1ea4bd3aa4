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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field; their shapes are under test
export type AnyBody = any;

/**
 * A caller of the API as one of `tokens` (by name), whose every JSON answer is held to the OpenAPI document.
 * `apiUrl` and `openApi` are read at each call: tests set them up in beforeAll.
 */
export const checkedCaller = (where: () => { apiUrl: string; openApi: OpenApiChecker }, tokens: Record<string, string>) =>
  async (path: string, as: string, init: { method?: string; body?: unknown } = {}) => {
    const { apiUrl, openApi } = where();
    const method = init.method ?? 'GET';
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[as] ?? as}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const type = response.headers.get('content-type') ?? '';
    const bytes = Buffer.from(await response.arrayBuffer());
    const body = (type.includes('json') ? JSON.parse(bytes.toString()) : bytes.toString()) as AnyBody;
    if (type.includes('json')) openApi.check(method, path, response.status, body);
    return { status: response.status, type, bytes, body };
  };
