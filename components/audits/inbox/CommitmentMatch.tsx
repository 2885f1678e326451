'use client';

import type { Hex } from 'viem';
import { useArchivePlan } from './useArchivePlan';

/**
 * Whether the decrypted report is the one the auditor committed to: its `ipfs://` link (from the CID computed here)
 * hashed with Keccak-256 against the commitment on chain. A manager signs what they read; this says whether what
 * they read is what the reveal will publish.
 */
export function CommitmentMatch({ plaintext, commitment }: { plaintext: Uint8Array; commitment: Hex }) {
  const plan = useArchivePlan(plaintext, commitment);
  if (plan.isPending) return <p className="text-xs text-slate-400">Checking the report against its commitment…</p>;
  if (plan.isError || !plan.data)
    return <p className="text-xs text-rose-300">The report’s CID could not be computed, so it is not checked.</p>;
  const { link, matchesCommitment } = plan.data;
  return matchesCommitment ? (
    <p className="text-xs text-emerald-300" data-testid="commitment-match">
      This is the report the auditor committed to: its link <span className="font-mono break-all">{link}</span> hashes
      to the commitment on chain.
    </p>
  ) : (
    <p role="alert" className="text-xs text-amber-300" data-testid="commitment-mismatch">
      This report is not the one the auditor committed to: its link <span className="font-mono break-all">{link}</span>{' '}
      does not hash to the commitment on chain, so it can never be revealed. Ask the auditor to deliver the committed
      report.
    </p>
  );
}
