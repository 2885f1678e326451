import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'contracts/test/**/*.test.ts', 'scripts/**/*.test.ts', 'host-node/**/*.test.ts'],
    // Each contract test file starts its own anvil; two cores run two files at a time.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
