'use client';

import type { Address } from 'viem';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { claimAction, rollOverAction } from '@/lib/audits/actions';
import { formatCloReadable } from '@/lib/format/clo';
import { Amount } from '@/components/ui/Amount';
import { DateAt } from '@/components/ui/chainDisplay';
import { Button } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import type { PeriodPayout } from '../hooks/useAuditorPayouts';
import type { ClaimRecord } from '../hooks/useMyClaims';

/** One ended payout period: its budget, the account's karma and share, the claim (or, once claimed, the amount
 * paid and when), and a roll-over when nobody earned karma in it. */
export function PeriodRow({
  registry,
  payout,
  account,
  currentPeriod,
  claimRecord,
}: {
  registry: Address;
  payout: PeriodPayout;
  account: Address | undefined;
  currentPeriod: bigint | undefined;
  /** The account's claim of this period from the Claimed events: undefined until read, or when none. */
  claimRecord: ClaimRecord | undefined;
}) {
  const { period, budget, totalKarma, karma, claimable, claimed } = payout;
  const tx = useTransaction();
  const rollOver = useTransaction();
  const claim = claimAction({ account, claimed, karma, claimable });
  const rollOverState =
    budget !== undefined && totalKarma !== undefined ? rollOverAction(budget, totalKarma) : undefined;
  const reasonId = `claim-reason-${period.toString()}`;
  return (
    <tr data-testid="payout-row">
      <td className="py-2 pr-4">Period {period.toString()}</td>
      <td className="py-2 pr-4 text-right tabular-nums">{budget === undefined ? '…' : <Amount wei={budget} />}</td>
      <td className="py-2 pr-4 text-right tabular-nums">{karma === undefined ? '…' : karma.toString()}</td>
      <td className="py-2 pr-4 text-right tabular-nums">
        {claimed ? (
          <span className="text-slate-400">Claimed</span>
        ) : claimable === undefined ? (
          '…'
        ) : (
          <Amount wei={claimable} />
        )}
      </td>
      <td className="py-2">
        {claimed ? (
          // Paid: what was paid and when, not a dead button over "0 CLO".
          <p className="text-sm" data-testid="claimed-note">
            {claimRecord ? (
              <>
                Claimed <Amount wei={claimRecord.amount} />
                {claimRecord.at !== undefined && (
                  <>
                    {' '}
                    on <DateAt at={claimRecord.at} />
                  </>
                )}
              </>
            ) : (
              'Claimed (reading the amount…)'
            )}
          </p>
        ) : (
          <>
            <Button
              variant="secondary"
              disabled={!claim.allowed || tx.isBusy}
              aria-describedby={claim.allowed ? undefined : reasonId}
              aria-label={`Claim period ${period.toString()}`}
              onClick={() =>
                void tx.send(
                  { address: registry, abi: auditRegistryAbi, functionName: 'claim', args: [period] },
                  {
                    successMessage: `Claimed ${formatCloReadable(claimable ?? 0n)} for period ${period.toString()}`,
                  },
                )
              }
            >
              Claim
            </Button>
            {!claim.allowed && (
              <span id={reasonId} className="ml-2 text-xs text-slate-400">
                {claim.reason}
              </span>
            )}
          </>
        )}
        {rollOverState?.allowed && (
          <div className="mt-2">
            <Button
              variant="secondary"
              disabled={rollOver.isBusy}
              aria-describedby={`roll-over-note-${period.toString()}`}
              aria-label={`Roll over period ${period.toString()}`}
              onClick={() =>
                void rollOver.send(
                  { address: registry, abi: auditRegistryAbi, functionName: 'roll_over', args: [period] },
                  {
                    successMessage: `Rolled ${formatCloReadable(budget ?? 0n)} of period ${period.toString()} over to period ${(currentPeriod ?? 0n).toString()}`,
                  },
                )
              }
            >
              Roll over
            </Button>
            <span id={`roll-over-note-${period.toString()}`} className="ml-2 text-xs text-slate-400">
              Nobody earned karma in this period: anyone moves its budget to the current period.
            </span>
          </div>
        )}
        <TxStatus state={rollOver.state} />
        <TxStatus state={tx.state} />
      </td>
    </tr>
  );
}
