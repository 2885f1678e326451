'use client';
// The treasury's events a proposal page shows (votes, refusals of an execution, ended salaries), from one cached
// scan shared by every part of the page and every proposal: the events carry the proposal id, so one history of
// the contract answers for all of them.
import type { Address } from 'viem';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';
import { useEventHistory } from '@/components/history/useEventHistory';

const GOVERNANCE_EVENTS = ['VoteCast', 'ExecutionFailed', 'SalaryEnded'] as const;

export function useGovernanceEvents(governance: Address) {
  return useEventHistory({
    address: governance,
    contract: 'TreasuryGovernance',
    abi: treasuryGovernanceAbi,
    eventNames: GOVERNANCE_EVENTS,
  });
}
