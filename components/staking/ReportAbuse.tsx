'use client';

import { useId, useState } from 'react';
import type { Address } from 'viem';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import { formatCloReadable, shortAddress } from '@/lib/format/clo';
import { formatDateTime, formatDuration } from '@/lib/format/time';
import { HistoryProgress } from '@/components/history/HistoryProgress';
import type { EventHistory } from '@/components/history/useEventHistory';
import { DataTable } from '@/components/ui/DataTable';
import { describeReadError } from '@/components/ui/describeReadError';
import { Button, Card } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import type { StakingEventName } from './StakingHistory';
import { useInactiveStakers } from './hooks/useInactiveStakers';
import { Amount } from '@/components/ui/Amount';

interface Props {
  staking: Address;
  account?: Address;
  isStaker: boolean;
  /** The contract clock (`Timestamp`), which report_abuse compares against. */
  contractNow: bigint | undefined;
  maxDelay: bigint | undefined;
  /** The contract's cached event history (shared with the staking history). */
  history: EventHistory<typeof coldStakingAbi, StakingEventName>;
}

/** Stakes idle long after their term, which any staker may return to their owners. */
export function ReportAbuse({ staking, account, isStaker, contractNow, maxDelay, history }: Props) {
  const reasonId = useId();
  const tx = useTransaction();
  const [reporting, setReporting] = useState<Address>();

  const { inactive, error, isFetching, refetch } = useInactiveStakers(staking, history, contractNow, maxDelay);
  const reason = !account
    ? 'Connect a wallet that has a stake here to return idle stakes.'
    : !isStaker
      ? 'Only stakers may report: this account has no stake in cold staking.'
      : undefined;

  async function report(address: Address, amount: bigint) {
    setReporting(address);
    try {
      await tx.send(
        { address: staking, abi: coldStakingAbi, functionName: 'report_abuse', args: [address] },
        { successMessage: `Returned ${formatCloReadable(amount)} to ${shortAddress(address)}`, alsoTouches: [address] },
      );
    } finally {
      setReporting(undefined);
    }
  }

  return (
    <Card title="Inactive stakers">
      <p className="text-sm text-slate-300">
        Any staker may report an inactive staker, which sends a stake left idle for more than{' '}
        {maxDelay === undefined ? 'a year' : formatDuration(Number(maxDelay))} after its term back to its owner, with no
        reward, so it stops diluting the rewards of active stakers.
      </p>
      {reason && (
        <p id={reasonId} className="mt-2 text-sm text-amber-200">
          {reason}
        </p>
      )}
      <div className="mt-3 space-y-2">
        <HistoryProgress {...history} what="The stakers' history" />
        {error ? (
          <div role="alert" className="space-y-3 text-sm text-rose-100">
            <p>The stakers could not be loaded: {describeReadError(error)}.</p>
            <Button variant="secondary" onClick={() => void refetch()} disabled={isFetching}>
              Retry
            </Button>
          </div>
        ) : inactive === undefined ? (
          history.status !== 'error' && (
            <p role="status" className="text-sm text-slate-300">
              Looking for inactive stakers…
            </p>
          )
        ) : inactive.length === 0 ? (
          <p className="text-sm text-slate-300">No inactive stakers.</p>
        ) : (
          <DataTable
            caption="Stakes that may be returned to their owners, longest idle first"
            minWidth="40rem"
            columns={[
              { label: 'Address' },
              { label: 'Stake', align: 'right' },
              { label: 'Term ended on' },
              { label: 'Inactive since' },
              { label: 'Action', hiddenLabel: true },
            ]}
          >
            {inactive.map((s) => (
              <tr key={s.address}>
                <td className="py-2 pr-4 font-mono" title={s.address}>
                  {shortAddress(s.address)}
                </td>
                <td className="py-2 pr-4 text-right whitespace-nowrap">
                  <Amount wei={s.amount} />
                </td>
                <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(s.endTime)}</td>
                <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(s.inactiveSince)}</td>
                <td className="py-2">
                  <Button
                    variant="secondary"
                    className="whitespace-nowrap"
                    aria-label={`${reporting === s.address ? 'Returning' : 'Return stake to owner'}: ${s.address}`}
                    aria-describedby={reason ? reasonId : undefined}
                    disabled={Boolean(reason) || tx.isBusy}
                    onClick={() => void report(s.address, s.amount)}
                  >
                    {reporting === s.address ? 'Returning…' : 'Return stake to owner'}
                  </Button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
      <TxStatus state={tx.state} />
    </Card>
  );
}
