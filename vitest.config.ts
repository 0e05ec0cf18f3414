import { defineConfig } from 'vitest/config';

// Unit, known-answer and snapshot tests: pure TypeScript, no browser, no build needed.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/setup/generated-data.ts'],
    // Hang guards, not speed limits: no unit test measures time, and a test that takes seconds on an
    // idle machine may take minutes on a busy 2-core one. Speed is measured by `npm run bench`.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
