'use client';
// The payouts an auditor claimed, from the registry's Claimed events (the history engine: one cached scan shared by
// every page that asks), with the date of each claim's block. The contract keeps only whether a period was
// claimed, not how much: the event is where the amount paid is written.
import { useMemo } from 'react';
import { isAddressEqual, type Address } from 'viem';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { useBlockDates } from '@/components/history/useBlockDates';
import { useEventHistory } from '@/components/history/useEventHistory';

const CLAIM_EVENTS = ['Claimed'] as const;

export interface ClaimRecord {
  amount: bigint;
  /** The claim's block time; undefined while it is read (or when the RPC did not give it). */
  at: bigint | undefined;
}

/** `account`'s claims by period (undefined while the history is read or when it could not be). */
export function useMyClaims(
  registry: Address,
  account: Address | undefined,
): ReadonlyMap<bigint, ClaimRecord> | undefined {
  const history = useEventHistory({
    address: registry,
    contract: 'AuditRegistry',
    abi: auditRegistryAbi,
    eventNames: CLAIM_EVENTS,
    enabled: account !== undefined,
  });
  const mine = useMemo(
    () => (account ? history.logs.filter((log) => isAddressEqual(log.args.auditor, account)) : []),
    [history.logs, account],
  );
  const blocks = useMemo(() => [...new Set(mine.map((log) => log.blockNumber))], [mine]);
  const dates = useBlockDates(blocks, history);
  return useMemo(() => {
    if (history.status !== 'complete' && mine.length === 0) return undefined;
    return new Map(mine.map((log) => [log.args.period, { amount: log.args.amount, at: dates?.get(log.blockNumber) }]));
  }, [history.status, mine, dates]);
}
