import { defineConfig } from 'vitest/config';

// End-to-end tests: real headless browsers (Chromium and Firefox, E2E_BROWSERS) against the built
// site (dist/, or E2E_DIST) served on localhost. Run after `npm run build`; `npm test` does both.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
