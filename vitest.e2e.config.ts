import { defineConfig } from 'vitest/config';

// End-to-end tests: real headless browsers against the built site (dist/) served on localhost.
// Run after `npm run build`; `npm test` does both.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
