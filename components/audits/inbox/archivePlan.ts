// Before a manager reveals a delivered report, the browser works out what the reveal will publish: the plaintext's
// CID (exactly as `ipfs add --cid-version 1` computes it), the `ipfs://` link, and whether that link hashes to the
// commitment the auditor put on chain. A plaintext that does not match is never offered for reveal: the contract
// would refuse it, and the deposit would be wasted on a failed transaction. No React here.
import type { Hex } from 'viem';
import { linkMatchesCommitment } from '@/lib/audits/commitments';
import { reportCidOf } from '@/lib/audits/reportCid';

export type ArchivePlan = {
  /** The plaintext's CID, as the host nodes will compute it from the uploaded bytes. */
  cid: string;
  /** `ipfs://<cid>`: what the reveal publishes, and what the commitment must be the Keccak-256 of. */
  link: string;
  /** Bytes of the report: the size the archive registers on the file system and pays a deposit for. */
  size: bigint;
  matchesCommitment: boolean;
};

export async function planArchive(plaintext: Uint8Array, commitment: Hex): Promise<ArchivePlan> {
  const { cid, link, size } = await reportCidOf(plaintext);
  return { cid, link, size, matchesCommitment: linkMatchesCommitment(link, commitment) };
}
