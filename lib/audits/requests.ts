// An audit request as the pages name it: its state as a number and a label, its verdict, its findings in words,
// the chains a request names, and its page's address. Mirrors contracts/AuditRegistry.sol. No React here.
import { isAddressEqual, type Address } from 'viem';
import type { SeverityCounts } from './types';

/** `enum RequestState` of the contract. */
export const RequestState = { Pending: 0, Approved: 1, InProgress: 2, Completed: 3, Rejected: 4 } as const;

export type RequestStateLabel = 'Pending' | 'Approved' | 'In progress' | 'Completed' | 'Rejected';

export function requestStateLabel(state: number): RequestStateLabel {
  switch (state) {
    case RequestState.Pending:
      return 'Pending';
    case RequestState.Approved:
      return 'Approved';
    case RequestState.InProgress:
      return 'In progress';
    case RequestState.Completed:
      return 'Completed';
    case RequestState.Rejected:
      return 'Rejected';
    default:
      throw new Error(`unknown request state ${state}`);
  }
}

/** Whether auditors may still commit reports and managers sign them: the request is approved or in progress. */
export function isOpenForReports(state: number): boolean {
  return state === RequestState.Approved || state === RequestState.InProgress;
}

/** Whether a manager has something to do with the request: it is pending, approved or in progress. */
export function needsManager(state: number): boolean {
  return state === RequestState.Pending || isOpenForReports(state);
}

/** The registry's verdict words: a completed audit either passed or found issues (the findings are public). */
export function verdictText(passed: boolean): 'Passed' | 'Issues found' {
  return passed ? 'Passed' : 'Issues found';
}

export const SEVERITY_FIELDS = [
  { key: 'critical', label: 'Critical' },
  { key: 'high', label: 'High' },
  { key: 'medium', label: 'Medium' },
  { key: 'low', label: 'Low' },
  { key: 'owner_privileges', label: 'Owner privileges' },
] as const satisfies readonly { key: keyof SeverityCounts; label: string }[];
export type SeverityKey = (typeof SEVERITY_FIELDS)[number]['key'];

/** "1 critical, 2 high, 1 owner privilege", or "No findings". */
export function severitySummary(counts: SeverityCounts): string {
  const parts: string[] = [];
  if (counts.critical) parts.push(`${counts.critical} critical`);
  if (counts.high) parts.push(`${counts.high} high`);
  if (counts.medium) parts.push(`${counts.medium} medium`);
  if (counts.low) parts.push(`${counts.low} low`);
  if (counts.owner_privileges) {
    parts.push(`${counts.owner_privileges} owner ${counts.owner_privileges === 1 ? 'privilege' : 'privileges'}`);
  }
  return parts.length > 0 ? parts.join(', ') : 'No findings';
}

/** Chains a request names most often, by id. */
export const KNOWN_CHAINS: Readonly<Record<string, string>> = {
  '820': 'Callisto',
  '31337': 'Callisto Local',
  '61': 'Ethereum Classic',
  '1': 'Ethereum',
};

/** "820 (Callisto)", or the bare id for a chain the app does not know. */
export function chainLabel(chainId: bigint | string): string {
  const key = chainId.toString();
  const name = KNOWN_CHAINS[key];
  return name ? `${key} (${name})` : key;
}

/** A request id from the query string: a non-negative decimal integer, or undefined. */
export function parseRequestId(raw: string | null | undefined): bigint | undefined {
  if (raw === null || raw === undefined) return undefined;
  const text = raw.trim();
  return /^\d{1,30}$/.test(text) ? BigInt(text) : undefined;
}

export function requestHref(id: bigint): string {
  return `/audits/request/?id=${id.toString()}`;
}

/** The report `account` committed on a request, if any. */
export function reportOf<R extends { auditor: Address }>(reports: readonly R[], account: Address | undefined) {
  return account ? reports.find((r) => isAddressEqual(r.auditor, account)) : undefined;
}

/** Committed reports a manager has not signed yet. */
export function awaitingSignature<R extends { signed: boolean }>(reports: readonly R[]): R[] {
  return reports.filter((r) => !r.signed);
}

/** Signed reports a manager has not revealed yet. */
export function awaitingReveal<R extends { signed: boolean; revealed: boolean }>(reports: readonly R[]): R[] {
  return reports.filter((r) => r.signed && !r.revealed);
}

/** "1 error", "3 errors", "no error": the vulnerabilities a signed report missed, in words. */
export function errorsText(errors: bigint): string {
  if (errors === 0n) return 'no error';
  return `${errors.toString()} ${errors === 1n ? 'error' : 'errors'}`;
}
