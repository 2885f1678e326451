import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';

const browser = { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions };

export default defineConfig({
  testDir: 'e2e',
  // One chain for the whole run: specs act with different accounts, one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // The local stack (scripts/e2e.ts): the feature specs first, on the seeded chain; then the RPC budget, which fills
  // the chain with 1,000 proposals, audit requests and files (the host nodes keep replicating those, which must not
  // disturb the feature specs). The mainnet-like stack (scripts/e2e-mainnet.ts, E2E_STACK=mainnet-like): its own
  // spec, on a chain 820 behind an RPC that refuses wide log ranges.
  projects:
    process.env.E2E_STACK === 'mainnet-like'
      ? [{ name: 'mainnet-like', testMatch: /mainnet\.spec\.ts/, use: browser }]
      : [
          { name: 'features', testIgnore: /(rpc-budget|mainnet)\.spec\.ts/, use: browser },
          { name: 'many-items', testMatch: /rpc-budget\.spec\.ts/, use: browser, dependencies: ['features'] },
        ],
});
