import { describe, expect, it } from 'vitest';
import { completeCall, isArchivedLink, rejectCall, revealReportCall, signReportCall } from './calls';
import { linkCommitment } from './commitments';

const REGISTRY = '0x00000000000000000000000000000000000000ee' as const;
const AUDITOR = '0x00000000000000000000000000000000000000aa' as const;
const LINK = 'https://gist.github.com/auditor/report';
const report = { auditor: AUDITOR, commitment: linkCommitment(LINK) };
const noFindings = { critical: '0', high: '0', medium: '0', low: '0', owner_privileges: '0' };

describe('the manager’s calls', () => {
  it('reject with a public reason of 1 to 200 bytes', () => {
    expect(rejectCall(REGISTRY, 4n, 'Spam')).toMatchObject({ functionName: 'reject', args: [4n, 'Spam'] });
    expect(rejectCall(REGISTRY, 4n, '')).toEqual({ error: 'Reason must be 1 to 200 bytes' });
  });

  it('sign the chosen report with the errors it missed', () => {
    expect(signReportCall(REGISTRY, 4n, AUDITOR, ' 2 ')).toMatchObject({
      address: REGISTRY,
      functionName: 'sign_report',
      args: [4n, AUDITOR, 2n],
    });
    expect(signReportCall(REGISTRY, 4n, AUDITOR, '1001')).toEqual({ error: 'Errors must be 0 to 1000' });
    expect(signReportCall(REGISTRY, 4n, undefined, '0')).toEqual({
      error: 'No committed report is waiting to be signed',
    });
  });

  it('reveal only the link the auditor committed', () => {
    const measured = { needed: false, text: '' };
    expect(revealReportCall(REGISTRY, 4n, report, LINK, measured)).toMatchObject({
      functionName: 'reveal_report',
      args: [4n, AUDITOR, LINK, 0n, 0n],
    });
    const other = revealReportCall(REGISTRY, 4n, report, `${LINK}/`, measured);
    expect(other).toEqual({ error: expect.stringMatching(/does not match the auditor’s commitment/) });
    expect(revealReportCall(REGISTRY, 4n, report, '', measured)).toEqual({
      error: 'Paste the report link the auditor sent you',
    });
  });

  it('ask the code size only where the contract cannot measure it', () => {
    const given = (text: string) => revealReportCall(REGISTRY, 4n, report, LINK, { needed: true, text });
    expect(given('5000')).toMatchObject({ args: [4n, AUDITOR, LINK, 5000n, 0n] });
    expect(given('')).toEqual({ error: expect.stringMatching(/1 to 24,576/) });
    expect(given('24577')).toEqual({ error: expect.stringMatching(/1 to 24,576/) });
  });

  it('send an ipfs:// report’s archive size and deposit, and no CLO with a gist link', () => {
    const ipfs = 'ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy';
    const committed = { auditor: AUDITOR, commitment: linkCommitment(ipfs) };
    const measured = { needed: false, text: '' };
    const call = revealReportCall(REGISTRY, 4n, committed, ipfs, measured, { size: 1234n, deposit: 5n * 10n ** 15n });
    expect(call).toMatchObject({ args: [4n, AUDITOR, ipfs, 0n, 1234n], value: 5n * 10n ** 15n });
    expect(revealReportCall(REGISTRY, 4n, report, LINK, measured)).not.toHaveProperty('value');
  });

  it('archive only a bare ipfs:// CIDv1 in base32, as the registry does', () => {
    expect(isArchivedLink('ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy')).toBe(true);
    expect(isArchivedLink('ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy/report.md')).toBe(false);
    expect(isArchivedLink('ipfs://QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG')).toBe(false);
    expect(isArchivedLink(`ipfs://b${'a'.repeat(100)}`)).toBe(false);
    expect(isArchivedLink(LINK)).toBe(false);
  });

  it('complete with a verdict and the findings by severity', () => {
    expect(completeCall(REGISTRY, 4n, 'passed', { ...noFindings, low: '2' })).toMatchObject({
      functionName: 'complete',
      args: [4n, true, { critical: 0, high: 0, medium: 0, low: 2, owner_privileges: 0 }],
    });
    expect(completeCall(REGISTRY, 4n, 'failed', noFindings)).toMatchObject({ args: [4n, false, expect.anything()] });
    expect(completeCall(REGISTRY, 4n, '', noFindings)).toEqual({ error: 'Choose the verdict' });
    expect(completeCall(REGISTRY, 4n, 'passed', { ...noFindings, high: '70000' })).toEqual({
      error: 'High must be 0 to 65535',
    });
  });
});
