// How the e2e tests and the bench launch Chromium: Playwright's own when it is installed, otherwise Debian's (what
// CI installs), headless with the flags this closed network needs (no background connections, no updates).
import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

function chromiumExecutable(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registered
  }
  return '/usr/bin/chromium';
}

export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: chromiumExecutable(),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};
