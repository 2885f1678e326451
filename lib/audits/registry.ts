// The registry of audited contracts as its page lists it: the search by address or name, the verdict filter, the
// request queue's states, and what `is_audited` means for a completed audit, in words. No React here.
import { RequestState, chainLabel, verdictText } from './requests';
import type { AuditRequest } from './types';

export const AUDITS_PAGE_SIZE = 10;

export const VERDICT_FILTERS = ['All', 'Passed', 'Issues found'] as const;
export type VerdictFilter = (typeof VERDICT_FILTERS)[number];

export function isVerdictFilter(value: string): value is VerdictFilter {
  return (VERDICT_FILTERS as readonly string[]).includes(value);
}

export function matchesVerdict(request: Pick<AuditRequest, 'passed'>, filter: VerdictFilter): boolean {
  return filter === 'All' || verdictText(request.passed) === filter;
}

/** Case-insensitive match of the address or the description's text (the contract's "name" of a request). */
export function matchesAuditSearch(
  request: Pick<AuditRequest, 'contract_address' | 'description'>,
  query: string,
): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return request.contract_address.toLowerCase().includes(q) || request.description.toLowerCase().includes(q);
}

/** The states the request queue filters by (a completed request is in the registry above it). */
export const QUEUE_STATES = [
  { state: RequestState.Pending, label: 'Pending' },
  { state: RequestState.Approved, label: 'Approved' },
  { state: RequestState.InProgress, label: 'In progress' },
  { state: RequestState.Rejected, label: 'Rejected' },
] as const;

export type AuditedStatus = 'audited' | 'issues' | 'other-chain' | 'code-changed';

/** What `is_audited` says of a completed audit, in words: audited status is only for a passed audit of this chain
 * whose code is still the code audited (and no later audit of it failed). */
export function auditedStatus(
  audit: Pick<AuditRequest, 'passed' | 'chain_id'>,
  isAudited: boolean,
  chainId: number,
): { status: AuditedStatus; text: string } {
  if (isAudited) return { status: 'audited', text: 'Audited status: the code at this address passed this audit' };
  if (!audit.passed) return { status: 'issues', text: 'No audited status: the audit found issues' };
  if (audit.chain_id !== BigInt(chainId))
    return {
      status: 'other-chain',
      text: `No audited status here: the contract is on ${chainLabel(audit.chain_id)}, and audited status covers contracts of this chain`,
    };
  return {
    status: 'code-changed',
    text: 'No audited status: the code at this address is not the code that passed (replaced since, or not deployed at completion), or a later audit failed',
  };
}
