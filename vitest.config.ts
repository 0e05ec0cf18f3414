import { defineConfig } from 'vitest/config';

// Unit, known-answer and snapshot tests: pure TypeScript, no browser, no build needed.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
