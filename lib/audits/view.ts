// View helpers of the audit registry pages that lib/audits/requests.ts does not cover: which action the
// connected account may take on a request now (and why not otherwise), the registry's search and verdict filter,
// known chain names, and the validation of the manager's and auditor's small forms. No React here.
import { isAddress, keccak256, toBytes, type Hex } from 'viem';
import { MAX_COMPLEXITY_BYTES, MAX_ERRORS, RequestState } from './requests';

/** The contract's `Request`, as viem decodes it (uint8 and uint16 as numbers, uint256 as bigint). */
export interface AuditRequest {
  id: bigint;
  contract_address: `0x${string}`;
  chain_id: bigint;
  requester: `0x${string}`;
  source_url: string;
  description: string;
  platform: string;
  state: number;
  reject_reason: string;
  passed: boolean;
  severity: { critical: number; high: number; medium: number; low: number; owner_privileges: number };
  submitted_at: bigint;
  approved_at: bigint;
  started_at: bigint;
  closed_at: bigint;
  report_count: bigint;
}

/** The contract's `Report`. */
export interface AuditReport {
  auditor: `0x${string}`;
  commitment: Hex;
  signed: boolean;
  revealed: boolean;
  late: boolean;
  errors: bigint;
  karma: bigint;
  link: string;
  committed_at: bigint;
}

/** The contract's `Nomination`: an auditor proposed by one manager, waiting for another's confirmation. */
export interface AuditNomination {
  account: `0x${string}`;
  contact: string;
  nominated_by: `0x${string}`;
  nominated_at: bigint;
}

/** The contract's `Member` (a manager or an auditor). */
export interface AuditMember {
  account: `0x${string}`;
  contact: string;
  active_role: boolean;
  karma: bigint;
  active_until: bigint;
  reports_revealed: bigint;
}

export const AUDITS_PAGE_SIZE = 10;

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

/** The registry's verdict words: a completed audit either passed or found issues (the findings are public). */
export function verdictText(passed: boolean): 'Passed' | 'Issues found' {
  return passed ? 'Passed' : 'Issues found';
}

export const VERDICT_FILTERS = ['All', 'Passed', 'Issues found'] as const;
export type VerdictFilter = (typeof VERDICT_FILTERS)[number];

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

export const QUEUE_STATES = [
  { state: RequestState.Pending, label: 'Pending' },
  { state: RequestState.Approved, label: 'Approved' },
  { state: RequestState.InProgress, label: 'In progress' },
  { state: RequestState.Rejected, label: 'Rejected' },
] as const;

/** A request id from the query string: a non-negative decimal integer, or undefined. */
export function parseRequestId(raw: string | null | undefined): bigint | undefined {
  if (raw === null || raw === undefined) return undefined;
  const text = raw.trim();
  return /^\d{1,30}$/.test(text) ? BigInt(text) : undefined;
}

export function requestHref(id: bigint): string {
  return `/audits/request/?id=${id.toString()}`;
}

/** Whether an action can be taken now, and why not otherwise. `shown` false hides it from this role. */
export interface ActionState {
  shown: boolean;
  enabled: boolean;
  reason?: string;
}

export interface RequestActionInput {
  state: number;
  reports: readonly Pick<AuditReport, 'auditor' | 'signed' | 'revealed'>[];
  account?: `0x${string}`;
  isManager: boolean;
  isAuditor: boolean;
}

export interface RequestActions {
  approve: ActionState;
  start: ActionState;
  reject: ActionState;
  sign: ActionState;
  reveal: ActionState;
  complete: ActionState;
  commit: ActionState;
}

const stateWords = ['pending', 'approved', 'in progress', 'completed', 'rejected'];

/** Why a manager who wrote a report for a request (as an auditor, before its appointment) cannot sign or reveal. */
export const AUTHOR_REASON =
  'You wrote a report for this request: another manager signs and reveals its reports, so that nobody grades their own work';

/** The actions of the request page, mirroring the contract's requires so that an enabled button does not
 * revert for a reason the page could have known. Manager actions are shown to managers, the commit to auditors;
 * with no account connected every action is shown disabled, so a visitor sees what the flow is. */
export function requestActions(input: RequestActionInput): RequestActions {
  const { state, reports, account, isManager, isAuditor } = input;
  const now = `The request is ${stateWords[state] ?? 'in an unknown state'}`;
  const manager = (ok: boolean, reason: string): ActionState => {
    if (!account) return { shown: true, enabled: false, reason: 'Connect a manager’s wallet' };
    if (!isManager) return { shown: false, enabled: false, reason: 'Only a manager may do this' };
    return ok ? { shown: true, enabled: true } : { shown: true, enabled: false, reason };
  };
  const open = state === RequestState.Approved || state === RequestState.InProgress;
  const revealable = state === RequestState.InProgress || state === RequestState.Completed;
  const mine = account ? reports.find((r) => r.auditor.toLowerCase() === account.toLowerCase()) : undefined;
  let commit: ActionState;
  if (!account) commit = { shown: true, enabled: false, reason: 'Connect an auditor’s wallet' };
  else if (!isAuditor) commit = { shown: false, enabled: false, reason: 'Only an auditor may do this' };
  else if (!open)
    commit = {
      shown: true,
      enabled: false,
      reason: `${now}: reports are committed while it is approved or in progress`,
    };
  else if (mine?.signed)
    commit = { shown: true, enabled: false, reason: 'Your report is signed: it can no longer be replaced' };
  else commit = { shown: true, enabled: true };

  return {
    approve: manager(state === RequestState.Pending, `${now}: only a pending request can be approved`),
    start: manager(state === RequestState.Approved, `${now}: only an approved request can be started`),
    reject: manager(
      state === RequestState.Pending || state === RequestState.Approved,
      `${now}: only a pending or approved request can be rejected`,
    ),
    sign: manager(
      open && !mine && reports.some((r) => !r.signed),
      !open
        ? `${now}: reports are signed while it is approved or in progress`
        : mine
          ? AUTHOR_REASON
          : 'Every committed report is signed (or none is committed yet)',
    ),
    reveal: manager(
      revealable && !mine && reports.some((r) => r.signed && !r.revealed),
      state === RequestState.Rejected
        ? `${now}: its reports are never revealed and earn nothing`
        : !revealable
          ? `${now}: reports are revealed once it is in progress`
          : mine
            ? AUTHOR_REASON
            : 'No signed report is waiting to be revealed',
    ),
    complete: manager(
      state === RequestState.InProgress && reports.some((r) => r.revealed),
      state === RequestState.InProgress
        ? 'Reveal at least one report first'
        : `${now}: only a request in progress can be completed`,
    ),
    commit,
  };
}

/** The commitment of a report link, as the contract checks it at reveal: keccak256 of its UTF-8 bytes. */
export function linkCommitment(link: string): Hex {
  return keccak256(toBytes(link));
}

export function linkMatchesCommitment(link: string, commitment: string): boolean {
  return linkCommitment(link).toLowerCase() === commitment.toLowerCase();
}

/** The auditor's private report link: where the manager will read it, and what the registry shows once it is
 * revealed, so it must be a link the app can show (https: or ipfs:). */
export function validateReportLink(link: string): string | undefined {
  if (link === '') return 'Paste the link of your private report';
  if (link !== link.trim()) return 'Remove the spaces around the link: they would change its hash';
  if (!link.startsWith('https://') && !link.startsWith('ipfs://'))
    return 'The link must start with https:// or ipfs://';
  return undefined;
}

function parseWhole(raw: string, max: number, what: string, min = 0): { value?: bigint; error?: string } {
  const text = raw.trim();
  if (!/^\d+$/.test(text)) return { error: `${what} must be a whole number` };
  const value = BigInt(text);
  if (value < BigInt(min) || value > BigInt(max)) return { error: `${what} must be ${min} to ${max}` };
  return { value };
}

export function parseErrorCount(raw: string): { value?: bigint; error?: string } {
  return parseWhole(raw, MAX_ERRORS, 'Errors');
}

export function parseComplexity(raw: string): { value?: bigint; error?: string } {
  const r = parseWhole(raw, MAX_COMPLEXITY_BYTES, 'Complexity (bytes)', 1);
  return r.error
    ? { error: 'Complexity must be a whole number of bytes, 1 to 24,576 (the largest contract code, EIP-170)' }
    : r;
}

export const SEVERITY_FIELDS = [
  { key: 'critical', label: 'Critical' },
  { key: 'high', label: 'High' },
  { key: 'medium', label: 'Medium' },
  { key: 'low', label: 'Low' },
  { key: 'owner_privileges', label: 'Owner privileges' },
] as const;
export type SeverityKey = (typeof SEVERITY_FIELDS)[number]['key'];

/** The five severity counts of a verdict, each 0 .. 65535 (uint16). */
export function parseSeverity(raw: Record<SeverityKey, string>): {
  value?: Record<SeverityKey, number>;
  errors: Partial<Record<SeverityKey, string>>;
} {
  const errors: Partial<Record<SeverityKey, string>> = {};
  const value = {} as Record<SeverityKey, number>;
  for (const { key, label } of SEVERITY_FIELDS) {
    const r = parseWhole(raw[key], 65535, label);
    if (r.error || r.value === undefined) errors[key] = r.error;
    else value[key] = Number(r.value);
  }
  return Object.keys(errors).length > 0 ? { errors } : { value, errors };
}

export function validateMemberAddress(address: string): string | undefined {
  if (!isAddress(address, { strict: false })) return 'Address must be 0x and 40 hex digits';
  if (/^0x0{40}$/i.test(address)) return 'Address must not be the zero address';
  return undefined;
}

/** Whether an auditor's active status still runs at `now` (unix seconds). */
export function isActiveAt(member: Pick<AuditMember, 'active_role' | 'active_until'>, now: number | bigint): boolean {
  return member.active_role && member.active_until > BigInt(now);
}

/** Auditors by karma, highest first; ties by more revealed reports, then by address for a stable order. */
export function byKarma<M extends Pick<AuditMember, 'account' | 'karma' | 'reports_revealed'>>(
  members: readonly M[],
): M[] {
  return [...members].sort((a, b) => {
    if (a.karma !== b.karma) return a.karma > b.karma ? -1 : 1;
    if (a.reports_revealed !== b.reports_revealed) return a.reports_revealed > b.reports_revealed ? -1 : 1;
    return a.account.toLowerCase() < b.account.toLowerCase() ? -1 : 1;
  });
}

/** The ended payout periods worth asking `claimable` about: the `count` latest, newest first. */
export function recentEndedPeriods(currentPeriod: bigint, count = 4): bigint[] {
  const periods: bigint[] = [];
  for (let p = currentPeriod - 1n; p >= 0n && periods.length < count; p--) periods.push(p);
  return periods;
}

/** Whether `account` may confirm a nomination now, and why not otherwise: another manager than the nominating one. */
export function confirmNominationAction(
  nomination: Pick<AuditNomination, 'nominated_by'>,
  account: `0x${string}` | undefined,
  isManager: boolean,
): ActionState {
  if (!account) return { shown: true, enabled: false, reason: 'Connect a manager’s wallet' };
  if (!isManager) return { shown: true, enabled: false, reason: 'Only a manager may confirm' };
  if (nomination.nominated_by.toLowerCase() === account.toLowerCase())
    return { shown: true, enabled: false, reason: 'You nominated this account: another manager must confirm it' };
  return { shown: true, enabled: true };
}

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

/** Whether an ended period's budget can be rolled over now: it has a budget and nobody earned karma in it. */
export function rollOverAction(budget: bigint, totalKarma: bigint): ActionState {
  if (totalKarma > 0n) return { shown: false, enabled: false, reason: 'Its auditors claim the budget' };
  if (budget === 0n) return { shown: false, enabled: false, reason: 'Nothing to roll over' };
  return { shown: true, enabled: true };
}
