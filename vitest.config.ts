import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    // One migrated PGlite for the run to start every suite's database from.
    globalSetup: ['test/global-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: browser tests and database suites share them.
    maxWorkers: 2,
    // Browser tests read the page with expect.poll: a click or Enter that submits a form
    // navigates a moment later, so a first read can still see the page before. A busy
    // machine (both cores shared with PGlite suites) needs seconds, not the default one.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
