import { describe, expect, it } from 'vitest';
import { aptPrefix, INSTALL_COMMAND, missingChromiumLine } from './chromium';

describe('a missing e2e browser', () => {
  it('is reported in one line that names the path and the command to install it', () => {
    const line = missingChromiumLine('/usr/bin/chromium');
    expect(line).not.toContain('\n');
    expect(line).toContain('/usr/bin/chromium');
    expect(line.endsWith(`Install it with: ${INSTALL_COMMAND}`)).toBe(true);
    expect(INSTALL_COMMAND).toBe('sudo apt-get install -y chromium');
  });

  it('is installed only where apt-get runs without a prompt: as root, or through a passwordless sudo', () => {
    expect(aptPrefix({ isRoot: true, hasApt: true, passwordlessSudo: false })).toEqual([]);
    expect(aptPrefix({ isRoot: false, hasApt: true, passwordlessSudo: true })).toEqual(['sudo', '-n']);
    expect(aptPrefix({ isRoot: false, hasApt: true, passwordlessSudo: false })).toBeUndefined();
    expect(aptPrefix({ isRoot: true, hasApt: false, passwordlessSudo: true })).toBeUndefined();
  });
});
