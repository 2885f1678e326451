import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `@/` is the repository root, as in tsconfig.json's paths.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@': root.replace(/\/$/, '') } },
  test: {
    // Each contract test file starts its own anvil; two cores run two files at a time.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'lib/**/*.test.ts',
            'components/**/*.test.ts',
            'contracts/test/**/*.test.ts',
            'scripts/**/*.test.ts',
            'host-node/**/*.test.ts',
          ],
        },
      },
      {
        // Components and hooks rendered as the user sees them: files named *.dom.test.tsx, in a DOM (happy-dom)
        // with Testing Library.
        extends: true,
        test: {
          name: 'dom',
          include: ['components/**/*.dom.test.tsx', 'lib/**/*.dom.test.tsx', 'app/**/*.dom.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['./vitest.setup.dom.ts'],
          // next/link writes hrefs as the built app does (next.config.mjs: trailingSlash).
          env: { __NEXT_TRAILING_SLASH: 'true' },
        },
      },
    ],
  },
});
