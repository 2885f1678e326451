'use client';

import type { Address } from 'viem';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';
import { formatCloReadable } from '@/lib/format/clo';
import { Button, Card } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import { useRefundOwed } from './hooks/useRefundOwed';
import { Amount } from '@/components/ui/Amount';

/**
 * The deposits credited back to the connected account (its proposals were evaluated or expired): the treasury
 * never sends them by itself, so that no author can block an evaluation by refusing CLO; the author takes them
 * here. Shown only to an account that is owed something (or right after it withdrew).
 */
export function RefundPanel({ governance, account }: { governance: Address; account: Address | undefined }) {
  const tx = useTransaction();
  const owed = useRefundOwed(governance, account);
  const amount = owed.data;
  if (!account || ((amount === undefined || amount === 0n) && tx.state.phase === 'idle')) return null;
  return (
    <Card title="Your refunds">
      {amount !== undefined && amount > 0n && (
        <>
          <p className="text-sm text-slate-300" data-testid="refund-owed">
            The treasury owes you <Amount wei={amount} />: the deposits of your proposals that were evaluated or
            expired. Deposits are credited, not sent, so that nobody can hold up an evaluation by refusing CLO; withdraw
            them whenever you like.
          </p>
          <Button
            className="mt-2"
            disabled={tx.isBusy}
            onClick={() =>
              void tx.send(
                { address: governance, abi: treasuryGovernanceAbi, functionName: 'withdraw_refund' },
                { successMessage: `Withdrew your refund of ${formatCloReadable(amount)}`, alsoTouches: [account] },
              )
            }
          >
            Withdraw refund
          </Button>
        </>
      )}
      <TxStatus state={tx.state} />
    </Card>
  );
}
