'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { getAbiItem, type Address } from 'viem';
import { usePublicClient, useReadContracts } from 'wagmi';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import { deploymentBlock } from '@/lib/chain/deployments';
import { formatCloWithUnit, shortAddress } from '@/lib/format/clo';
import { formatDateTime, formatDuration } from '@/lib/format/time';
import { findInactiveStakers, uniqueStakerAddresses } from '@/lib/staking/inactiveStakers';
import { useNetwork } from '@/components/ui/NetworkContext';
import { DataTable } from '@/components/ui/DataTable';
import { Button, Card } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';

const START_STAKING = getAbiItem({ abi: coldStakingAbi, name: 'StartStaking' });

interface Props {
  staking: Address;
  account?: Address;
  isStaker: boolean;
  /** The contract clock (`Timestamp`), which report_abuse compares against. */
  contractNow: bigint | undefined;
  maxDelay: bigint | undefined;
}

/** Stakes idle long after their term, which any staker may return to their owners. */
export function ReportAbuse({ staking, account, isStaker, contractNow, maxDelay }: Props) {
  const { chain } = useNetwork();
  const client = usePublicClient({ chainId: chain.id });
  const reasonId = useId();
  const tx = useTransaction();
  const [reporting, setReporting] = useState<Address>();

  // Every address that ever staked is a candidate; the events are not indexed, so scan them all.
  const candidates = useQuery({
    queryKey: ['staking-stakers', chain.id, staking],
    enabled: Boolean(client),
    queryFn: async () => {
      if (!client) throw new Error('No connection to the network');
      const logs = await client.getLogs({
        address: staking,
        event: START_STAKING,
        fromBlock: deploymentBlock(chain.id, 'ColdStaking'),
        toBlock: 'latest',
      });
      return uniqueStakerAddresses(logs.map((log) => log.args.addr));
    },
  });
  const addresses = useMemo(() => candidates.data ?? [], [candidates.data]);

  const stakers = useReadContracts({
    allowFailure: true,
    contracts: addresses.map(
      (address) =>
        ({
          address: staking,
          abi: coldStakingAbi,
          functionName: 'staker',
          args: [address],
        }) as const,
    ),
    query: { enabled: addresses.length > 0 },
  });

  const inactive = useMemo(() => {
    if (contractNow === undefined || maxDelay === undefined) return undefined;
    if (addresses.length === 0) return candidates.data ? [] : undefined;
    if (!stakers.data) return undefined;
    const tuples = stakers.data.map((r) => (r.status === 'success' ? r.result : undefined));
    return findInactiveStakers(addresses, tuples, contractNow, maxDelay);
  }, [addresses, candidates.data, stakers.data, contractNow, maxDelay]);

  const error = candidates.error ?? stakers.error;
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
        { successMessage: `Returned ${formatCloWithUnit(amount)} to ${shortAddress(address)}`, alsoTouches: [address] },
      );
    } finally {
      setReporting(undefined);
    }
  }

  return (
    <Card title="Inactive stakers">
      <p className="text-sm text-slate-300">
        Any staker may use report_abuse to send a stake left idle for more than{' '}
        {maxDelay === undefined ? 'a year' : formatDuration(Number(maxDelay))} after its term back to its owner, with no
        reward, so it stops diluting the rewards of active stakers.
      </p>
      {reason && (
        <p id={reasonId} className="mt-2 text-sm text-amber-200">
          {reason}
        </p>
      )}
      <div className="mt-3">
        {error ? (
          <div role="alert" className="space-y-3 text-sm text-rose-100">
            <p>The stakers could not be loaded: {error.message.split('\n')[0]}</p>
            <Button
              variant="secondary"
              onClick={() => void (candidates.error ? candidates.refetch() : stakers.refetch())}
              disabled={candidates.isFetching || stakers.isFetching}
            >
              Retry
            </Button>
          </div>
        ) : inactive === undefined ? (
          <p role="status" className="text-sm text-slate-300">
            Looking for inactive stakers…
          </p>
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
                <td className="py-2 pr-4 text-right whitespace-nowrap tabular-nums">{formatCloWithUnit(s.amount)}</td>
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
