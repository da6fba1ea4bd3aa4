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
      {
        // The same end-to-end tests, the agent being the Linux single executable an installer ships.
        test: {
          name: 'e2e-sea',
          include: ['test/e2e/full-line.test.ts', 'test/e2e/tls.test.ts'],
          globalSetup: ['test/support/sea-under-test.ts'],
          setupFiles: ['test/support/cleanup.ts'],
          env: { INVIGILATOR_AGENT_BIN: 'dist/sea-test/current/invigilator-agent-linux-x64' },
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Packages built and installed for real (dpkg in a debootstrap chroot, wixl, plist checks).
        test: {
          name: 'installers',
          include: ['installers/test/**/*.test.ts'],
          setupFiles: ['test/support/cleanup.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 600_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
