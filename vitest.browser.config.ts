import { defineConfig } from 'vitest/config';

/** Browser tests: the real server on a free port, driven in Debian's Chromium by playwright-core. */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
