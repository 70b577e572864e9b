import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The end-to-end tests: real servers, the Agents Playground and Chromium. Kept out
 * of `npm test` (which needs no browser) and run by `npm run test:e2e`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser and two servers at a time is plenty on a 2-core machine.
    fileParallelism: false,
  },
});
