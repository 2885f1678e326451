// The reveal of a delivered report publishes the link the auditor committed to: the plan finds it from the
// decrypted bytes alone, and tells a plaintext that is not the committed report.
import { describe, expect, it } from 'vitest';
import { linkCommitment } from '@/lib/audits/commitments';
import { planArchive } from './archivePlan';

const report = new TextEncoder().encode('# Audit of Vault.sol\n\nNo finding.\n');

describe('planArchive', () => {
  it('gives the CIDv1 link whose Keccak-256 the auditor committed, and the report size', async () => {
    const first = await planArchive(report, linkCommitment('ipfs://placeholder'));
    expect(first.link).toBe(`ipfs://${first.cid}`);
    expect(first.cid).toMatch(/^bafkrei[a-z2-7]{52}$/);
    expect(first.size).toBe(BigInt(report.length));
    expect(first.matchesCommitment).toBe(false);
    const plan = await planArchive(report, linkCommitment(first.link));
    expect(plan.matchesCommitment).toBe(true);
  });

  it('a plaintext other than the committed one does not match', async () => {
    const { link } = await planArchive(report, linkCommitment(''));
    const other = new TextEncoder().encode('# Audit of Vault.sol\n\nNo finding!\n');
    expect((await planArchive(other, linkCommitment(link))).matchesCommitment).toBe(false);
  });

  it('a report of several chunks gets the root CID of its DAG (dag-pb), not a raw leaf', async () => {
    const big = new Uint8Array(600_000).fill(0x61);
    const plan = await planArchive(big, linkCommitment(''));
    expect(plan.cid).toMatch(/^bafybei/);
    expect(plan.size).toBe(600_000n);
  });
});
