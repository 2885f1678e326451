// Checked before the e2e runners start anything: the browser the specs launch (e2e/chromium.ts: Playwright's own
// when installed, otherwise Debian's /usr/bin/chromium) must exist. A newcomer who ran the README's two commands
// gets it installed when this machine allows it without a password, or one line saying how, instead of a
// Playwright stack trace minutes later, after the chain, the host nodes and the build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumLaunchOptions } from '../../e2e/chromium';

export const INSTALL_COMMAND = 'sudo apt-get install -y chromium';

/** The browser the specs will launch: Playwright's own (undefined path) or a system one. */
export function chromiumExecutable(): string | undefined {
  return chromiumLaunchOptions.executablePath;
}

/** The one line a person reads when the browser is missing and could not be installed for them. */
export function missingChromiumLine(executable: string): string {
  return (
    `e2e: Chromium is not installed (${executable}), so the browser tests cannot run. ` +
    `Install it with: ${INSTALL_COMMAND}`
  );
}

/** How to run apt-get here with no prompt: directly as root, through `sudo -n` when it needs no password, or not. */
export function aptPrefix(system: {
  isRoot: boolean;
  hasApt: boolean;
  passwordlessSudo: boolean;
}): string[] | undefined {
  if (!system.hasApt) return undefined;
  if (system.isRoot) return [];
  if (system.passwordlessSudo) return ['sudo', '-n'];
  return undefined;
}

function run(command: string[], inherit = false): boolean {
  const [file, ...args] = command;
  const result = spawnSync(file!, args, {
    stdio: inherit ? 'inherit' : 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.error === undefined && result.status === 0;
}

/**
 * True when the e2e browser exists, after installing Debian's Chromium first when the machine allows it without a
 * prompt; otherwise prints the one line that says how to install it and returns false.
 */
export function ensureChromium(executable = chromiumExecutable(), log: (line: string) => void = console.log): boolean {
  if (executable === undefined || existsSync(executable)) return true;
  const prefix = aptPrefix({
    isRoot: process.getuid?.() === 0,
    hasApt: run(['apt-get', '--version']),
    passwordlessSudo: run(['sudo', '-n', 'true']),
  });
  if (prefix) {
    const install = [...prefix, 'apt-get', 'install', '-y', '-qq', 'chromium'];
    log(`e2e: Chromium is not installed (${executable}); installing it: ${install.join(' ')}`);
    if (run([...prefix, 'apt-get', 'update', '-qq'], true) && run(install, true) && existsSync(executable)) return true;
  }
  console.error(missingChromiumLine(executable));
  return false;
}
