import { defineConfig } from 'vitest/config';

/**
 * CLI tests that start Chromium or spawn the built bin carry this suffix; every other CLI test
 * runs main() in-process without a browser and belongs to the unit project.
 */
const CLI_WITH_CHROMIUM = 'test/cli/**/*.chromium.test.ts';

export default defineConfig({
  test: {
    // Browser tests share two cores: more parallel Chromiums only slow each other down.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        // No build, no browser, no fixture DNS: `npm run test:unit`, the inner loop.
        extends: true,
        test: {
          name: 'unit',
          include: ['test/{unit,rules,report,cli}/**/*.test.ts'],
          exclude: [CLI_WITH_CHROMIUM],
          testTimeout: 30_000,
          // Files share a worker's module cache: importing src/ once per worker, not once per
          // file, is most of the time saved (90 s → 25 s). Unit tests leave no global state.
          isolate: false,
          // A unit test that starts a browser, asks a DNS server or spawns the built bin (runCli)
          // fails at once, naming why, instead of running slow, asking the real resolver or
          // running last build's code.
          env: {
            CHATONS_AUDIT_BROWSER: '/unit-tests-start-no-browser',
            CHATONS_AUDIT_DNS_SERVER: '127.0.0.1:1',
            CHATONS_AUDIT_TEST_UNBUILT: '1',
          },
          // Nor does it ask the machine's resolver about a name: that would leave the machine.
          setupFiles: ['test/support/no-system-resolver.ts'],
        },
      },
      {
        // The real CLI (bin/ → dist/) and Chromium against the fixture internet.
        extends: true,
        test: {
          name: 'cli',
          include: [CLI_WITH_CHROMIUM],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
