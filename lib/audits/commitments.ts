// A report's commitment: the auditor puts only the Keccak-256 of the private report link on chain, and the manager
// later reveals the link, which the contract accepts only if it hashes to that commitment. No React here.
import { keccak256, toBytes, type Hex } from 'viem';

/** The commitment of a report link, as the contract checks it at reveal: keccak256 of its UTF-8 bytes. */
export function linkCommitment(link: string): Hex {
  return keccak256(toBytes(link));
}

/** Whether revealing `link` would be accepted for `commitment` (hex compared without regard to case). */
export function linkMatchesCommitment(link: string, commitment: string): boolean {
  return linkCommitment(link).toLowerCase() === commitment.toLowerCase();
}
