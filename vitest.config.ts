import { defineConfig } from 'vitest/config';

// Unit, known-answer and snapshot tests: pure TypeScript, no browser, no build needed.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Generous: a timeout here only catches a hang. Tests that run the data step or a whole
    // reconstruction take seconds on a quiet machine and several times that when it is busy.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
