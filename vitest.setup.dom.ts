// Setup for the *.dom.test.tsx files (see vitest.config.ts): unmount what a test rendered, so the next test starts
// from an empty page. Testing Library does this by itself only where the test runner's globals are on.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
