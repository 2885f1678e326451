'use client';

import { useId } from 'react';
import type { Address } from 'viem';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import { formatCloReadable } from '@/lib/format/clo';
import { formatDateTime } from '@/lib/format/time';
import type { DatedActionState } from '@/lib/staking/position';
import { Button, Card } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import type { useTransaction } from '@/components/ui/useTransaction';

function Reason({ state, id }: { state: DatedActionState; id: string }) {
  if (state.allowed) return null;
  return (
    <p id={id} className="mt-1 text-xs text-slate-400">
      {state.reason}
      {state.until !== undefined && ` (${formatDateTime(state.until)})`}
    </p>
  );
}

interface Props {
  staking: Address;
  reward: bigint;
  stake: bigint;
  claim: DatedActionState;
  withdraw: DatedActionState;
  /** Owned by the page, so that the outcome stays visible after a withdrawal removes this card. */
  claimTx: ReturnType<typeof useTransaction>;
  withdrawTx: ReturnType<typeof useTransaction>;
}

/** Claim and withdraw, kept apart and explained, because stakers used to confuse them. */
export function PositionActions({ staking, reward, stake, claim, withdraw, claimTx, withdrawTx }: Props) {
  const ids = { claim: useId(), withdraw: useId() };
  return (
    <Card title="Claim or withdraw">
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <p className="text-sm text-slate-300">Claim pays the reward of completed rounds; your stake keeps earning.</p>
          <Button
            className="mt-2"
            disabled={!claim.allowed || claimTx.isBusy}
            aria-describedby={claim.allowed ? undefined : ids.claim}
            onClick={() =>
              claimTx.send(
                { address: staking, abi: coldStakingAbi, functionName: 'claim' },
                { successMessage: `Claimed ${formatCloReadable(reward)}` },
              )
            }
          >
            Claim reward
          </Button>
          <Reason state={claim} id={ids.claim} />
          <TxStatus state={claimTx.state} />
        </div>
        <div>
          <p className="text-sm text-slate-300">Withdraw returns the whole stake with any reward due, and ends it.</p>
          <Button
            variant="secondary"
            className="mt-2"
            disabled={!withdraw.allowed || withdrawTx.isBusy}
            aria-describedby={withdraw.allowed ? undefined : ids.withdraw}
            onClick={() =>
              withdrawTx.send(
                { address: staking, abi: coldStakingAbi, functionName: 'withdraw_stake' },
                { successMessage: `Withdrew ${formatCloReadable(stake)} and the reward due` },
              )
            }
          >
            Withdraw stake
          </Button>
          <Reason state={withdraw} id={ids.withdraw} />
          <TxStatus state={withdrawTx.state} />
        </div>
      </div>
    </Card>
  );
}
