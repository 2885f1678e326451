// Pure helpers for the treasury governance UI, mirroring contracts/TreasuryGovernance.sol: the enums as numbers,
// the status a proposal shows, quorum and voting window arithmetic, due epochs, and the submission form's
// validation with the same rules (and the same meaning) as the contract's revert reasons, so that a form the
// app accepts is never rejected on chain for its content.
import { formatUnits, isAddress, type ContractFunctionReturnType } from 'viem';
import { readAmount } from './amountText';
import type { treasuryGovernanceAbi } from '../../contracts-abi/TreasuryGovernance';

/** `enum Kind` of the contract; later versions append kinds. */
export const ProposalKind = {
  Funding: 0,
  SetParameter: 1,
  AppointAuditManager: 2,
  DismissAuditManager: 3,
  ElectHostNode: 4,
  RemoveHostNode: 5,
} as const;
/** `enum Param`. The storage prices are the Callisto File System's, in wei per MB. */
export const ProposalParam = { Quorum: 0, SubmissionDeposit: 1, StorageUnitPrice: 2, StorageFloorPrice: 3 } as const;
/** `enum Status`. Expired: nobody evaluated the proposal during its evaluation epoch. */
export const ProposalStatus = {
  Voting: 0,
  Accepted: 1,
  Rejected: 2,
  NotEnoughVotes: 3,
  Withdrawn: 4,
  Expired: 5,
} as const;
/** `enum Choice`; None means no vote. */
export const VoteChoice = { None: 0, For: 1, Against: 2, Abstain: 3 } as const;

export const MAX_TITLE_BYTES = 120;
export const MAX_URL_BYTES = 256;
export const MIN_EPOCHS = 1;
export const MAX_EPOCHS = 12;
export const BPS = 10_000n;
export const URL_PREFIXES = ['ipfs://', 'https://'] as const;
/** An audit manager's public contact, as the contract (and the audit registry) bound it. */
export const MAX_CONTACT_BYTES = 100;
/** A host node's endpoint URL, as the file system bounds it. */
export const MAX_ENDPOINT_BYTES = 256;
export const ENDPOINT_PREFIXES = ['http://', 'https://'] as const;
/** A host node's capacity is a uint64 of MB. */
export const MAX_CAPACITY_MB = 2n ** 64n - 1n;

/** A proposal as the contract's `get_proposal` returns it, typed from the compiled ABI (viem decodes uint8 enums
 * and uint8/uint16 fields as numbers). `total_staked_at_vote_end` is 0 until evaluated; `subject` and `contact` are
 * the manager or node and its contact or endpoint for the kinds that have them; `executed` is false when the audit
 * registry or the file system refused an accepted action. */
export type Proposal = ContractFunctionReturnType<typeof treasuryGovernanceAbi, 'view', 'get_proposal'>;

export type ProposalStatusLabel =
  | 'Voting'
  | 'Pending vote'
  | 'Awaiting evaluation'
  | 'Accepted'
  | 'Being paid'
  | 'Completed'
  | 'Rejected'
  | 'Not enough votes'
  | 'Withdrawn'
  | 'Expired';

/** `executed` is optional here: funding is always executed once accepted, so callers that only hold the payment
 * fields need not pass it. */
type StatusFields = Pick<Proposal, 'kind' | 'status' | 'voting_epoch' | 'epochs' | 'paid_epochs'> & {
  executed?: boolean;
};

/** Kinds whose acceptance commits an amount per epoch, paid through `pay`: funding and host node elections (the
 * node's salary). */
export function isSalaryKind(kind: number): boolean {
  return kind === ProposalKind.Funding || kind === ProposalKind.ElectHostNode;
}

/** Whether a kind elects or removes an IPFS host node of the file system. */
export function isHostNodeKind(kind: number): boolean {
  return kind === ProposalKind.ElectHostNode || kind === ProposalKind.RemoveHostNode;
}

/** Whether an accepted proposal of this kind pays per epoch: a funding proposal always, an election only when
 * the file system accepted the node (a refused election commits no salary). */
export function paysPerEpoch(p: { kind: number; status: number; executed?: boolean }): boolean {
  if (p.status !== ProposalStatus.Accepted || !isSalaryKind(p.kind)) return false;
  return p.kind === ProposalKind.Funding || p.executed !== false;
}

/**
 * The status to show. In voting: 'Pending vote' before the voting epoch, 'Voting' during it, 'Awaiting
 * evaluation' in the evaluation epoch after it (until someone calls `evaluate`), 'Expired' once that epoch has
 * passed unevaluated (the contract then only lets anyone call `expire`), as for a proposal expired on chain. An accepted funding proposal, or an executed host node
 * election (its salary), is 'Accepted' until its first payment, 'Being paid' once some epochs are paid and
 * 'Completed' when all are; other accepted kinds are 'Accepted'.
 */
export function proposalStatusLabel(p: StatusFields, currentEpoch: bigint): ProposalStatusLabel {
  switch (p.status) {
    case ProposalStatus.Voting:
      if (currentEpoch < p.voting_epoch) return 'Pending vote';
      if (currentEpoch === p.voting_epoch) return 'Voting';
      return currentEpoch === p.voting_epoch + 1n ? 'Awaiting evaluation' : 'Expired';
    case ProposalStatus.Accepted:
      if (!paysPerEpoch(p)) return 'Accepted';
      if (p.paid_epochs >= p.epochs) return 'Completed';
      return p.paid_epochs > 0 ? 'Being paid' : 'Accepted';
    case ProposalStatus.Rejected:
      return 'Rejected';
    case ProposalStatus.NotEnoughVotes:
      return 'Not enough votes';
    case ProposalStatus.Withdrawn:
      return 'Withdrawn';
    case ProposalStatus.Expired:
      return 'Expired';
    default:
      throw new Error(`unknown proposal status ${p.status}`);
  }
}

/** Whether a turnout meets the quorum, exactly as `evaluate` decides. */
export function meetsQuorum(turnout: bigint, totalStaked: bigint, quorumBps: bigint | number): boolean {
  return turnout * BPS >= BigInt(quorumBps) * totalStaked;
}

/** The outcome `evaluate` would record for these tallies and this total stake. */
export function evaluationOutcome(
  tallies: Pick<Proposal, 'votes_for' | 'votes_against' | 'votes_abstain'>,
  totalStaked: bigint,
  quorumBps: bigint | number,
): 'Accepted' | 'Rejected' | 'NotEnoughVotes' {
  const turnout = tallies.votes_for + tallies.votes_against + tallies.votes_abstain;
  if (!meetsQuorum(turnout, totalStaked, quorumBps)) return 'NotEnoughVotes';
  return tallies.votes_for > tallies.votes_against ? 'Accepted' : 'Rejected';
}

/** The voting epoch in block time: votes count from `start` (inclusive) to `end` (exclusive), when the stake
 * holds expire and evaluation opens. */
export function votingWindow(
  votingEpoch: bigint,
  genesis: bigint,
  epochLength: bigint,
): { start: bigint; end: bigint } {
  const start = genesis + votingEpoch * epochLength;
  return { start, end: start + epochLength };
}

/** As the contract's `evaluation_deadline`: the first block time at which `evaluate` refuses the proposal (the end
 * of its evaluation epoch, the one after the vote); from then on it can only expire. */
export function evaluationDeadline(votingEpoch: bigint, genesis: bigint, epochLength: bigint): bigint {
  return genesis + (votingEpoch + 2n) * epochLength;
}

type DueFields = Pick<Proposal, 'kind' | 'status' | 'first_pay_epoch' | 'epochs' | 'paid_epochs'> & {
  executed?: boolean;
};

/** As the contract's `due_epochs`: unpaid epochs from first_pay_epoch to min(currentEpoch, last epoch); 0 for a
 * proposal that pays nothing (not accepted funding, not an executed election). */
export function dueEpochs(p: DueFields, currentEpoch: bigint): bigint {
  if (!paysPerEpoch(p)) return 0n;
  if (currentEpoch < p.first_pay_epoch) return 0n;
  let reached = currentEpoch - p.first_pay_epoch + 1n;
  if (reached > BigInt(p.epochs)) reached = BigInt(p.epochs);
  // An election whose salary a removal ended may have fewer epochs left than it has paid: nothing is due then.
  return reached > BigInt(p.paid_epochs) ? reached - BigInt(p.paid_epochs) : 0n;
}

/** CLO as the contract writes it in a revert reason: every significant decimal, no grouping. */
export function formatCloExact(wei: bigint): string {
  return formatUnits(wei, 18);
}

/** The contract's reason for a wrong deposit (without the "Treasury: " prefix). */
export function depositMessage(submissionDeposit: bigint): string {
  return `Deposit must be exactly ${formatCloExact(submissionDeposit)} CLO`;
}

const ZERO_ADDRESS = /^0x0{40}$/i;
const ZERO_HASH = /^0x0{64}$/i;

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function validateTitle(title: string): string | undefined {
  const length = byteLength(title);
  if (length < 1 || length > MAX_TITLE_BYTES) return `Title must be 1 to ${MAX_TITLE_BYTES} bytes`;
  return undefined;
}

export function validateDescriptionUrl(url: string): string | undefined {
  if (url.length === 0) return 'Description URL is empty';
  if (byteLength(url) > MAX_URL_BYTES) return `Description URL is longer than ${MAX_URL_BYTES} bytes`;
  if (!URL_PREFIXES.some((prefix) => url.startsWith(prefix))) {
    return 'Description URL must start with ipfs:// or https://';
  }
  return undefined;
}

export function validateDescriptionHash(hash: string): string | undefined {
  if (!/^0x[0-9a-fA-F]{64}$/.test(hash)) return 'Description hash must be 0x and 64 hex digits';
  if (ZERO_HASH.test(hash)) return 'Description hash is zero';
  return undefined;
}

export function validatePayee(payee: string): string | undefined {
  if (!isAddress(payee, { strict: false })) return 'Payee must be an address (0x and 40 hex digits)';
  if (ZERO_ADDRESS.test(payee)) return 'Payee is the zero address';
  return undefined;
}

export function parseAmountPerEpoch(raw: string): { value?: bigint; error?: string } {
  const read = readAmount(raw, 18, {
    empty: 'Enter an amount of CLO, such as 1000 or 2.5',
    notANumber: 'Enter an amount of CLO, such as 1000 or 2.5',
    tooManyDecimals: 'CLO has at most 18 decimals',
  });
  if (read.value === undefined) return read;
  const value = read.value;
  if (value === 0n) return { error: 'Amount per epoch is zero' };
  return { value };
}

export function parseEpochs(raw: string): { value?: number; error?: string } {
  const text = raw.trim();
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < MIN_EPOCHS || n > MAX_EPOCHS) {
    return { error: `Epochs must be ${MIN_EPOCHS} to ${MAX_EPOCHS}` };
  }
  return { value: n };
}

/** Whether a kind is an audit manager change (appointment or dismissal). */
export function isAuditManagerKind(kind: number): boolean {
  return kind === ProposalKind.AppointAuditManager || kind === ProposalKind.DismissAuditManager;
}

/** Whether a parameter is one of the file system's storage prices (set through its `set_prices`). */
export function isStorageParam(param: number): boolean {
  return param === ProposalParam.StorageUnitPrice || param === ProposalParam.StorageFloorPrice;
}

/** An accepted proposal whose action did not take effect: an audit manager change the registry refused, or a
 * host node change or storage price change the file system refused. */
export function executionFailed(p: Pick<Proposal, 'status' | 'executed'>): boolean {
  return p.status === ProposalStatus.Accepted && !p.executed;
}

/** The manager of an audit manager change, as `submit_audit_manager_change` checks it. */
export function validateManager(manager: string): string | undefined {
  if (!isAddress(manager, { strict: false })) return 'Manager must be an address (0x and 40 hex digits)';
  if (ZERO_ADDRESS.test(manager)) return 'Manager is the zero address';
  return undefined;
}

/** The contact of an audit manager change: 1..100 bytes when appointing, at most 100 (empty is fine) when
 * dismissing. */
export function validateManagerContact(contact: string, appoint: boolean): string | undefined {
  const length = byteLength(contact);
  if (appoint) {
    return length >= 1 && length <= MAX_CONTACT_BYTES ? undefined : `Contact must be 1 to ${MAX_CONTACT_BYTES} bytes`;
  }
  return length <= MAX_CONTACT_BYTES ? undefined : `Contact must be at most ${MAX_CONTACT_BYTES} bytes`;
}

const CLO = 10n ** 18n;

/** The contract's hard bounds of each parameter (MIN_ and MAX_ constants), in its units: basis points for the
 * quorum, wei for the deposit, wei per MB for the storage prices. */
export const PARAMETER_BOUNDS: Record<number, { min: bigint; max: bigint }> = {
  [ProposalParam.Quorum]: { min: 100n, max: 3000n },
  [ProposalParam.SubmissionDeposit]: { min: CLO, max: 100_000n * CLO },
  [ProposalParam.StorageUnitPrice]: { min: 10n ** 15n, max: 1000n * CLO },
  [ProposalParam.StorageFloorPrice]: { min: 10n ** 12n, max: 10n * CLO },
};
/** The most one accepted change moves the quorum (MAX_QUORUM_STEP_BPS); the other parameters at most x2 or /2. */
export const MAX_QUORUM_STEP_BPS = 500n;

const BOUND_MESSAGES: Record<number, string> = {
  [ProposalParam.Quorum]: 'Quorum must be 100 to 3000 bps (1% to 30%)',
  [ProposalParam.SubmissionDeposit]: 'Deposit must be 1 to 100000 CLO',
  [ProposalParam.StorageUnitPrice]: 'Unit price must be 0.001 to 1000 CLO a MB',
  [ProposalParam.StorageFloorPrice]: 'Floor price must be 0.000001 to 10 CLO a MB',
};
const STEP_MESSAGES: Record<number, string> = {
  [ProposalParam.Quorum]: 'Quorum may change by at most 500 bps at a time',
  [ProposalParam.SubmissionDeposit]: 'Deposit may at most double or halve at a time',
  [ProposalParam.StorageUnitPrice]: 'Unit price may at most double or halve at a time',
  [ProposalParam.StorageFloorPrice]: 'Floor price may at most double or halve at a time',
};

/** The values one accepted change may set from `current`: the bounds, narrowed to one step (a storage price the
 * file system's owner set outside the bounds may come back anywhere within them), as the contract checks. */
export function allowedParameterRange(param: number, current: bigint): { min: bigint; max: bigint } | undefined {
  const bounds = PARAMETER_BOUNDS[param];
  if (!bounds) return undefined;
  if (param === ProposalParam.Quorum) {
    const low = current - MAX_QUORUM_STEP_BPS;
    const high = current + MAX_QUORUM_STEP_BPS;
    return { min: low > bounds.min ? low : bounds.min, max: high < bounds.max ? high : bounds.max };
  }
  if (param !== ProposalParam.SubmissionDeposit && (current < bounds.min || current > bounds.max)) return bounds;
  const low = (current + 1n) / 2n; // 2 x value >= current
  const high = 2n * current;
  return { min: low > bounds.min ? low : bounds.min, max: high < bounds.max ? high : bounds.max };
}

/** A parameter change's value, as `submit_parameter_change` checks it: within the bounds, then within one step of
 * the current value when it is known. The storage prices are wei per MB. */
export function validateParameterValue(param: number, value: bigint, current?: bigint): string | undefined {
  const bounds = PARAMETER_BOUNDS[param];
  if (!bounds) return 'Unknown parameter';
  if (value < bounds.min || value > bounds.max) return BOUND_MESSAGES[param];
  if (current === undefined) return undefined;
  const allowed = allowedParameterRange(param, current)!;
  return value < allowed.min || value > allowed.max ? STEP_MESSAGES[param] : undefined;
}

// ---- host node proposals ---------------------------------------------------------------------------------------

/** The node of a host node election or removal, as `submit_host_node_election` / `_removal` check it. */
export function validateNode(node: string): string | undefined {
  if (!isAddress(node, { strict: false })) return 'Node must be an address (0x and 40 hex digits)';
  if (ZERO_ADDRESS.test(node)) return 'Node is the zero address';
  return undefined;
}

/**
 * A host node's endpoint. The file system only checks 1..256 bytes and the http:// or https:// prefix; the form
 * also asks for a URL with a host and nothing a browser would quietly alter (spaces, control characters), since
 * the app fetches health and content from it and a wrong one would only be found after the vote. Credentials
 * are refused too: "https://known.org@other.example" reads as known.org but goes to other.example.
 */
export function validateEndpoint(endpoint: string): string | undefined {
  const length = byteLength(endpoint);
  if (length < 1 || length > MAX_ENDPOINT_BYTES) return `Endpoint must be 1 to ${MAX_ENDPOINT_BYTES} bytes`;
  if (!ENDPOINT_PREFIXES.some((prefix) => endpoint.startsWith(prefix))) {
    return 'Endpoint must start with http:// or https://';
  }
  if (/[\s\x00-\x1f\x7f]/.test(endpoint)) return 'Endpoint must not contain spaces or control characters';
  try {
    const url = new URL(endpoint);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
      return 'Endpoint must be a URL with a host, such as https://node.example.org';
    }
    if (url.username !== '' || url.password !== '') return 'Endpoint must not carry a user name or password';
  } catch {
    return 'Endpoint must be a URL with a host, such as https://node.example.org';
  }
  return undefined;
}

/** A capacity typed in whole MB (1 MB = 1,048,576 bytes), above zero and within the contract's uint64. */
export function parseCapacityMb(raw: string): { value?: bigint; error?: string } {
  const text = raw.trim().replace(/[,_\s]/g, '');
  if (text === '') return { error: 'Enter the capacity in MB, such as 10240' };
  if (!/^\d+$/.test(text)) return { error: 'Capacity is a whole number of MB, such as 10240' };
  const value = BigInt(text);
  if (value === 0n) return { error: 'Capacity must be above zero' };
  if (value > MAX_CAPACITY_MB) return { error: `Capacity must be at most ${MAX_CAPACITY_MB} MB` };
  return { value };
}

/** A node's salary per epoch in CLO, as `submit_host_node_election` checks it (above zero). */
export function parseSalaryPerEpoch(raw: string): { value?: bigint; error?: string } {
  const parsed = parseAmountPerEpoch(raw);
  if (parsed.error === 'Amount per epoch is zero') return { error: 'Salary per epoch must be above zero' };
  return parsed;
}

/** A contract revert reason ("Treasury: title must be ...") as the form shows it ("Title must be ..."); the file
 * system's reasons ("CallistoFS: ...", relayed by ExecutionFailed) the same way. */
export function reasonToMessage(reason: string): string {
  const text = reason.replace(/^(Treasury|CallistoFS): /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
