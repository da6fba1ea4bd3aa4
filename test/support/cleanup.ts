// Runs in every end-to-end test file (vitest setupFiles): whatever a file started or created is ended
// and removed after it, pass or fail.
import { afterAll } from 'vitest';
import { cleanUpTestResources } from './processes.ts';

afterAll(cleanUpTestResources, 30_000);
