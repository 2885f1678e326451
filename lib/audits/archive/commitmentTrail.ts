// The commitment check of a revealed report, as a reader can follow it: the link, its Keccak-256, the hash the
// auditor committed on chain (and in which block), and the block of the reveal. The contract already refused any
// reveal whose link does not hash to the commitment; showing the chain of evidence lets a reader see that the
// report was fixed before the reveal, not written after it. No React here.
import type { Address, Hex } from 'viem';
import { linkCommitment } from '@/lib/audits/commitments';
import type { ReportSource } from './reportSource';
import { reportSourceOf } from './reportSource';

/** The registry's events this check reads (their other arguments are ignored). */
export type TrailLog =
  | {
      eventName: 'ReportCommitted';
      args: { request_id?: bigint; auditor?: Address; commitment?: Hex };
      blockNumber: bigint | null;
    }
  | {
      eventName: 'ReportRevealed';
      args: { request_id?: bigint; auditor?: Address; link?: string };
      blockNumber: bigint | null;
    };

export interface CommitmentTrail {
  /** The block of the ReportCommitted event, when the history has it. */
  committedIn: bigint | undefined;
  /** The block of the ReportRevealed event, when the history has it. */
  revealedIn: bigint | undefined;
}

const sameAccount = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** Where a report's commitment and reveal happened, from a history of the registry's events. */
export function commitmentTrailOf(logs: readonly TrailLog[], requestId: bigint, auditor: Address): CommitmentTrail {
  let committedIn: bigint | undefined;
  let revealedIn: bigint | undefined;
  for (const log of logs) {
    if (log.args.request_id !== requestId || !sameAccount(log.args.auditor, auditor)) continue;
    if (log.eventName === 'ReportCommitted') committedIn ??= log.blockNumber ?? undefined;
    else revealedIn ??= log.blockNumber ?? undefined;
  }
  return { committedIn, revealedIn };
}

export interface CommitmentCheck {
  source: ReportSource;
  /** Keccak-256 of the link's UTF-8 bytes, computed here. */
  computed: Hex;
  /** The commitment the registry holds. */
  committed: Hex;
  matches: boolean;
}

export function commitmentCheckOf(link: string, committed: Hex): CommitmentCheck {
  const computed = linkCommitment(link);
  return {
    source: reportSourceOf(link),
    computed,
    committed,
    matches: computed.toLowerCase() === committed.toLowerCase(),
  };
}
