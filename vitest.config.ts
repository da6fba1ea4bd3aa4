import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './test/support/skipped-tests-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['agent/test/**/*.test.ts', 'collector/test/**/*.test.ts', 'shared/test/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // Real processes, sockets, namespaces and mounts: one file at a time on a 2-core machine.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          setupFiles: ['test/support/cleanup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
