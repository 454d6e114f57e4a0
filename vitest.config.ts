import { defineConfig } from 'vitest/config'

// Three projects: fast pure tests next to the code, integration tests against a real server
// process, and browser tests in Debian's chromium. Integration and e2e start processes, so they
// run files one at a time on a 2-core machine.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.ts'],
          // The property tests run 100–150 random cases each: 2 s alone, up to 8 s beside the
          // integration and browser tests on a busy 2-core machine (past vitest's default 5 s).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
