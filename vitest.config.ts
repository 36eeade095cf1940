import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/unit/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Storage tests spawn and kill real processes; two cores are best kept for one file at a time each.
    maxWorkers: 2,
  },
});
