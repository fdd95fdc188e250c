import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Locally a suite may skip PostgreSQL or the browser; in CI both must be there.
describe.runIf(process.env.CI === 'true')('the CI environment', () => {
  it('provides PostgreSQL for the service suites (TEST_DATABASE_URL)', () => {
    expect(process.env.TEST_DATABASE_URL, 'CI must set TEST_DATABASE_URL').toMatch(/^postgres(ql)?:\/\//);
  });
  it('provides Chromium for the browser tests', () => {
    expect(existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')).toBe(true);
  });
});

describe('test set-up', () => {
  it('runs with the Amsterdam-independent process clock in UTC or any zone', () => {
    // Dates are formatted with an explicit zone; the machine zone must not matter.
    expect(new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit' }).format(new Date('2021-01-28T13:00:00Z'))).toBe('14');
  });
});
