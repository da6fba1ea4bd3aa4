// A server-side failure tells the caller only the catalogue sentence; its detail goes to the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '@invigilator/shared/errors.ts';
import { startTestCollector, type TestCollector } from '../helpers/collector.ts';

let collector: TestCollector;

beforeAll(async () => {
  collector = await startTestCollector();
});
afterAll(async () => { await collector.cleanUp(); });

describe('a 5xx answer', () => {
  it('carries only the catalogue sentence, and the log keeps the database\'s own words', async () => {
    await collector.store.close(); // every query now fails inside SQLite

    const response = await fetch(`${collector.apiUrl}/healthz`);
    const body = await response.json() as unknown;

    expect(response.status).toBe(503);
    expect(body).toEqual({ error: { code: 'STORE_FAILED', message: ERRORS.STORE_FAILED } });
    const logged = collector.logLines().find((line) => line.code === 'STORE_FAILED');
    expect(JSON.stringify(logged)).toContain('The database reported:');
  });
});
