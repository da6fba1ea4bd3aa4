// A 10,000-input slice of `npm run fuzz` against a real collector process: no crash, no 5xx, no row
// written from input that is invalid by construction.
import { rmSync } from 'node:fs';
import { expect, it } from 'vitest';
import { runFuzz } from '../support/fuzz-driver.ts';

it('survives 6,000 generated frames and 4,000 generated HTTP requests', async () => {
  const result = await runFuzz({ frames: 6000, requests: 4000, invalidShare: 1 / 3, seed: 20261130 });
  rmSync(result.dataDir, { recursive: true, force: true });
  expect({ crashes: result.crashes, serverErrors: result.serverErrors, rowsFromInvalid: result.rowsFromInvalid })
    .toEqual({ crashes: 0, serverErrors: 0, rowsFromInvalid: 0 });
  expect([result.frames, result.requests]).toEqual([6000, 4000]);
}, 120_000);
