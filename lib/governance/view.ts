// Pure helpers for the governance pages that lib/governance/proposal.ts does not cover: paging newest first,
// tally bars in basis points, the voters list from VoteCast events and its CSV, the description's URL, fetch and
// Keccak-256 check, the parameter-change form fields, host node proposals (endpoints shown safely, capacities in
// MB, whether a node is elected now), what another contract refused, and which actions a proposal offers now and
// why not. No React.
import {
  formatUnits,
  getAddress,
  isAddress,
  keccak256,
  parseUnits,
  toBytes,
  type Address,
  type Hash,
  type Hex,
} from 'viem';
import { formatClo } from '../format/clo';
import { safeLinkUrl } from '../format/links';
import {
  allowedParameterRange,
  BPS,
  executionFailed,
  PARAMETER_BOUNDS,
  isAuditManagerKind,
  isHostNodeKind,
  isStorageParam,
  paysPerEpoch,
  parseCapacityMb,
  parseSalaryPerEpoch,
  ProposalKind,
  ProposalParam,
  ProposalStatus,
  VoteChoice,
  validateDescriptionHash,
  validateDescriptionUrl,
  validateManager,
  validateManagerContact,
  validateEndpoint,
  validateNode,
  parseAmountPerEpoch,
  parseEpochs,
  validateParameterValue,
  validatePayee,
  validateTitle,
  type ProposalData,
  type ProposalStatusLabel,
} from './proposal';

// ---- paging ------------------------------------------------------------------------------------------------

export const PROPOSALS_PAGE_SIZE = 10;

export interface PageRange {
  /** The `offset` and `limit` of `get_proposals`: ids offset .. offset + limit - 1. */
  offset: bigint;
  limit: bigint;
  /** Pages in all (at least 1, so an empty list still has its page 1). */
  pageCount: number;
  /** The page actually read, clamped to the last one. */
  page: number;
}

/**
 * Page `page` (0 = newest) of `count` proposals, newest first: page 0 holds the `pageSize` highest ids, the last
 * page the oldest remainder. The contract's getter returns its range oldest first; reverse it for display.
 */
export function newestFirstPage(count: bigint, page: number, pageSize = PROPOSALS_PAGE_SIZE): PageRange {
  const size = BigInt(pageSize);
  const pageCount = count === 0n ? 1 : Number((count + size - 1n) / size);
  const clamped = Math.min(Math.max(0, Math.floor(page)), pageCount - 1);
  const end = count - BigInt(clamped) * size;
  const offset = end > size ? end - size : 0n;
  return { offset, limit: end - offset, pageCount, page: clamped };
}

/** An id from the query string: decimal digits only, below 2^256; anything else is no proposal. */
export function parseProposalId(raw: string | null | undefined): bigint | undefined {
  if (raw === null || raw === undefined || !/^\d{1,78}$/.test(raw)) return undefined;
  const id = BigInt(raw);
  return id < 2n ** 256n ? id : undefined;
}

// ---- states and filters --------------------------------------------------------------------------------------

/** The state filter of the list, in the order it is offered. */
export const STATE_FILTERS = [
  'All',
  'Voting',
  'Pending vote',
  'Awaiting evaluation',
  'Accepted',
  'Being paid',
  'Completed',
  'Rejected',
  'Not enough votes',
  'Withdrawn',
  'Expired',
] as const satisfies readonly ('All' | ProposalStatusLabel)[];

export type StateFilter = (typeof STATE_FILTERS)[number];

export function isStateFilter(value: string): value is StateFilter {
  return (STATE_FILTERS as readonly string[]).includes(value);
}

export function matchesFilter(label: ProposalStatusLabel, filter: StateFilter): boolean {
  return filter === 'All' || filter === label;
}

/** Proposals whose vote is open now (in voting and in their voting epoch), in the order given. */
export function openForVoting<P extends Pick<ProposalData, 'status' | 'voting_epoch'>>(
  proposals: readonly P[],
  currentEpoch: bigint,
): P[] {
  return proposals.filter((p) => p.status === ProposalStatus.Voting && p.voting_epoch === currentEpoch);
}

/**
 * Whether proposals older than this page (oldest first, as the contract returns it) could still be open for
 * voting. Ids grow with submission time and the voting epoch is the submission epoch + 1, so voting epochs never
 * decrease with the id: once the oldest on a page votes before the current epoch, every older one does too.
 */
export function olderMayBeOpen(pageOldestFirst: readonly Pick<ProposalData, 'voting_epoch'>[], currentEpoch: bigint) {
  const oldest = pageOldestFirst[0];
  return oldest !== undefined && oldest.voting_epoch >= currentEpoch;
}

// ---- tallies -----------------------------------------------------------------------------------------------

/** `part` as basis points of `whole` (floor), clamped to 0..10000; 0 when `whole` is 0. */
export function shareBps(part: bigint, whole: bigint): bigint {
  if (whole <= 0n || part <= 0n) return 0n;
  const bps = (part * BPS) / whole;
  return bps > BPS ? BPS : bps;
}

/** Basis points as a percentage with at most one decimal, never rounded up to a false 100%: "62.5%". */
export function formatBps(bps: bigint | number): string {
  const value = BigInt(bps);
  const whole = value / 100n;
  const tenth = (value % 100n) / 10n;
  return tenth === 0n ? `${whole}%` : `${whole}.${tenth}%`;
}

export type ChoiceName = 'For' | 'Against' | 'Abstain';

export interface TallyRow {
  choice: ChoiceName;
  weight: bigint;
  /** Share of the votes cast. */
  ofVotesBps: bigint;
  /** Share of the whole stake: the width of its segment on the turnout bar. */
  ofStakeBps: bigint;
}

export interface TallySummary {
  rows: TallyRow[];
  turnout: bigint;
  /** The stake the quorum is measured against: at evaluation once evaluated, today's total before. */
  totalStaked: bigint;
  turnoutBps: bigint;
  quorumBps: bigint;
  /** The least turnout that meets the quorum. */
  quorumWeight: bigint;
  quorumMet: boolean;
}

export function tallySummary(
  tallies: Pick<ProposalData, 'votes_for' | 'votes_against' | 'votes_abstain'>,
  totalStaked: bigint,
  quorumBps: bigint | number,
): TallySummary {
  const quorum = BigInt(quorumBps);
  const turnout = tallies.votes_for + tallies.votes_against + tallies.votes_abstain;
  const row = (choice: ChoiceName, weight: bigint): TallyRow => ({
    choice,
    weight,
    ofVotesBps: shareBps(weight, turnout),
    ofStakeBps: shareBps(weight, totalStaked),
  });
  return {
    rows: [row('For', tallies.votes_for), row('Against', tallies.votes_against), row('Abstain', tallies.votes_abstain)],
    turnout,
    totalStaked,
    turnoutBps: shareBps(turnout, totalStaked),
    quorumBps: quorum,
    quorumWeight: (quorum * totalStaked + BPS - 1n) / BPS,
    quorumMet: turnout * BPS >= quorum * totalStaked,
  };
}

/** The words a bar stands for: "For 62.5% (1,200 CLO)". */
export function tallyRowText(row: TallyRow): string {
  return `${row.choice} ${formatBps(row.ofVotesBps)} (${formatClo(row.weight)} CLO)`;
}

/** Whether `evaluate` ran: the tallies are final and the stake they are measured against was recorded. */
export function isEvaluated(p: Pick<ProposalData, 'status'>): boolean {
  return (
    p.status !== ProposalStatus.Voting && p.status !== ProposalStatus.Withdrawn && p.status !== ProposalStatus.Expired
  );
}

/** The stake a proposal's quorum is measured against: the total staked at the end of its vote, as recorded at
 * evaluation; before that, the best figure known (today's total while the vote runs). */
export function quorumBase(p: Pick<ProposalData, 'status' | 'total_staked_at_vote_end'>, totalNow: bigint): bigint {
  return isEvaluated(p) ? p.total_staked_at_vote_end : totalNow;
}

// ---- voters ------------------------------------------------------------------------------------------------

export function choiceName(choice: number): ChoiceName | undefined {
  if (choice === VoteChoice.For) return 'For';
  if (choice === VoteChoice.Against) return 'Against';
  if (choice === VoteChoice.Abstain) return 'Abstain';
  return undefined;
}

/** A VoteCast log as viem decodes it; args optional because a malformed log may lack them. */
export interface VoteCastLog {
  args: { id?: bigint; voter?: Address; choice?: number; weight?: bigint };
  blockNumber: bigint | null;
  logIndex: number | null;
  transactionHash: Hash | null;
}

export interface VoterRow {
  voter: Address;
  choice: ChoiceName;
  weight: bigint;
  blockNumber: bigint;
  txHash: Hash;
}

/** One row a voter, from their latest VoteCast (a changed vote replaces the earlier one), heaviest first. */
export function latestVotes(logs: readonly VoteCastLog[], id?: bigint): VoterRow[] {
  const latest = new Map<string, { row: VoterRow; logIndex: number }>();
  for (const log of logs) {
    const { voter, choice, weight } = log.args;
    if (id !== undefined && log.args.id !== id) continue;
    if (!voter || choice === undefined || weight === undefined) continue;
    if (log.blockNumber === null || log.transactionHash === null) continue;
    const name = choiceName(choice);
    if (!name) continue;
    const logIndex = log.logIndex ?? 0;
    const key = voter.toLowerCase();
    const previous = latest.get(key);
    const newer =
      !previous ||
      log.blockNumber > previous.row.blockNumber ||
      (log.blockNumber === previous.row.blockNumber && logIndex > previous.logIndex);
    if (newer) {
      latest.set(key, {
        row: { voter, choice: name, weight, blockNumber: log.blockNumber, txHash: log.transactionHash },
        logIndex,
      });
    }
  }
  return [...latest.values()]
    .map((entry) => entry.row)
    .sort((a, b) => (a.weight === b.weight ? a.voter.localeCompare(b.voter) : a.weight > b.weight ? -1 : 1));
}

export const VOTERS_CSV_HEADER = 'voter,choice,weight_clo,weight_wei,block,transaction';

/** RFC 4180 CSV of the voters, CRLF line ends. Every field is an address, a word or digits: no quoting needed,
 * but the choice goes through the quoting rule anyway in case the names ever change. */
export function votersToCsv(rows: readonly VoterRow[]): string {
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = rows.map((row) =>
    [
      row.voter,
      quote(row.choice),
      formatUnits(row.weight, 18),
      row.weight.toString(),
      row.blockNumber.toString(),
      row.txHash,
    ].join(','),
  );
  return [VOTERS_CSV_HEADER, ...lines].join('\r\n') + '\r\n';
}

// ---- description -------------------------------------------------------------------------------------------

/** Whether `text` (or the exact bytes) hashes to `hash` with Keccak-256, as the contract stores it. */
export function verifyDescription(text: string | Uint8Array, hash: string): boolean {
  const bytes = typeof text === 'string' ? toBytes(text) : text;
  return keccak256(bytes).toLowerCase() === hash.toLowerCase();
}

export function descriptionHashOf(text: string): Hex {
  return keccak256(toBytes(text));
}

export type DescriptionSource =
  | { scheme: 'https'; url: string; fetchUrl: string }
  /** `fetchUrl` only when an IPFS gateway is configured. */
  | { scheme: 'ipfs'; url: string; path: string; fetchUrl?: string }
  | { scheme: 'unsupported'; url: string };

/**
 * Where a description can be fetched from. https: URLs are fetched as they are; ipfs://CID/path through the
 * configured gateway's /ipfs/CID/path (the gateway, not the URL, decides the host), or not at all without one.
 */
export function descriptionSource(url: string, ipfsGateway?: string): DescriptionSource {
  if (url.startsWith('https://')) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'https:' && parsed.hostname !== '')
        return { scheme: 'https', url, fetchUrl: parsed.href };
    } catch {
      // not a URL at all
    }
    return { scheme: 'unsupported', url };
  }
  if (url.startsWith('ipfs://')) {
    const path = url.slice('ipfs://'.length);
    if (!/^[A-Za-z0-9]+(\/[^\s?#]*)?$/.test(path)) return { scheme: 'unsupported', url };
    let fetchUrl: string | undefined;
    if (ipfsGateway) {
      try {
        const gateway = new URL(ipfsGateway);
        if (gateway.protocol === 'https:' || gateway.protocol === 'http:') {
          fetchUrl = `${gateway.origin}${gateway.pathname.replace(/\/$/, '')}/ipfs/${path}`;
        }
      } catch {
        // a malformed gateway is as good as none
      }
    }
    return { scheme: 'ipfs', url, path, fetchUrl };
  }
  return { scheme: 'unsupported', url };
}

export type DescriptionResult =
  | { state: 'verified'; text: string }
  | { state: 'mismatch'; text: string; actualHash: Hex }
  /** The URL did not answer, answered with an error, or sent too much: not an error of the app. */
  | { state: 'unavailable'; reason: string }
  /** An ipfs: URL with no gateway configured. */
  | { state: 'not-fetched' }
  | { state: 'unsupported' };

/** Descriptions are documents, not files: anything larger is not read (and not hashed). */
export const MAX_DESCRIPTION_BYTES = 1_000_000;

export type FetchLike = (url: string, init: RequestInit) => Promise<Pick<Response, 'ok' | 'status' | 'arrayBuffer'>>;

/**
 * Fetches a description and checks the exact bytes against the hash on chain. The bytes are hashed, not the
 * decoded text, so that a byte-order mark or invalid UTF-8 cannot make a matching file look altered.
 */
export async function loadDescription(
  url: string,
  hash: string,
  options: { fetch: FetchLike; ipfsGateway?: string; signal?: AbortSignal },
): Promise<DescriptionResult> {
  const source = descriptionSource(url, options.ipfsGateway);
  if (source.scheme === 'unsupported') return { state: 'unsupported' };
  if (!source.fetchUrl) return { state: 'not-fetched' };
  let bytes: Uint8Array;
  try {
    const response = await options.fetch(source.fetchUrl, {
      signal: options.signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
    });
    if (!response.ok) return { state: 'unavailable', reason: `the server answered ${response.status}` };
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch {
    return { state: 'unavailable', reason: 'the address did not answer' };
  }
  if (bytes.length > MAX_DESCRIPTION_BYTES) return { state: 'unavailable', reason: 'the document is too large' };
  const text = new TextDecoder('utf-8').decode(bytes);
  const actualHash = keccak256(bytes);
  return verifyDescription(bytes, hash) ? { state: 'verified', text } : { state: 'mismatch', text, actualHash };
}

// ---- links in untrusted text -----------------------------------------------------------------------------------

// ---- the parameter change form ---------------------------------------------------------------------------------

/** A quorum typed as a percentage (up to two decimals, 0 < q <= 100), as basis points. */
export function parseQuorumPercent(raw: string): { value?: bigint; error?: string } {
  const text = raw.trim().replace(/%$/, '').trim();
  if (text === '') return { error: 'Enter the quorum as a percentage, such as 10 or 12.5' };
  if (!/^(\d+\.?\d*|\.\d+)$/.test(text)) return { error: 'Enter a number, such as 10 or 12.5' };
  const decimals = text.includes('.') ? text.split('.')[1]!.length : 0;
  if (decimals > 2) return { error: 'The quorum has at most 2 decimals (steps of 0.01%)' };
  const bps = parseUnits(text, 2);
  if (bps <= 0n || bps > BPS) return { error: 'Quorum must be 100 to 3000 bps (1% to 30%)' };
  return { value: bps };
}

/** A submission deposit typed in CLO, as wei. */
export function parseDepositClo(raw: string): { value?: bigint; error?: string } {
  const text = raw.trim();
  if (text === '') return { error: 'Enter a deposit in CLO, such as 500' };
  if (!/^(\d+\.?\d*|\.\d+)$/.test(text)) return { error: 'Enter a number of CLO, such as 500 or 2.5' };
  const decimals = text.includes('.') ? text.split('.')[1]!.length : 0;
  if (decimals > 18) return { error: 'CLO has at most 18 decimals' };
  const value = parseUnits(text, 18);
  if (value === 0n) return { error: 'The deposit must be above zero' };
  return { value };
}

/** A storage price typed in CLO per MB, as wei per MB (the file system's unit). */
export function parseCloPerMb(raw: string): { value?: bigint; error?: string } {
  const text = raw.trim();
  if (text === '') return { error: 'Enter a price in CLO per MB, such as 0.01' };
  if (!/^(\d+\.?\d*|\.\d+)$/.test(text)) return { error: 'Enter a number of CLO, such as 0.01' };
  const decimals = text.includes('.') ? text.split('.')[1]!.length : 0;
  if (decimals > 18) return { error: 'CLO has at most 18 decimals' };
  const value = parseUnits(text, 18);
  if (value === 0n) return { error: 'The price must be above zero' };
  return { value };
}

/** A parameter value in the units the form uses: a percentage for the quorum, CLO for the deposit, CLO a MB for
 * the storage prices. */
export function formatParameterValue(param: number, value: bigint): string {
  if (param === ProposalParam.Quorum) return formatBps(value);
  if (param === ProposalParam.SubmissionDeposit) return `${formatUnits(value, 18)} CLO`;
  return `${formatUnits(value, 18)} CLO a MB`;
}

/** The rule next to the parameter field: the hard bounds, and the range one change may set from the current value. */
export function parameterRule(param: number, current: bigint | undefined): string {
  const bounds = PARAMETER_BOUNDS[param];
  if (!bounds) return '';
  const f = (v: bigint) => formatParameterValue(param, v);
  const step =
    param === ProposalParam.Quorum ? 'at most 5 percentage points a change' : 'at most double or half a change';
  const base = `Allowed: ${f(bounds.min)} to ${f(bounds.max)}, ${step}.`;
  if (current === undefined) return base;
  const range = allowedParameterRange(param, current)!;
  return `${base} From today’s ${f(current)}, this proposal may set ${f(range.min)} to ${f(range.max)}.`;
}

/** The parameters a parameter change may set, by the form's name for them. */
export const PARAMETER_CHOICES = [
  { value: 'quorum', param: ProposalParam.Quorum, label: 'Quorum' },
  { value: 'deposit', param: ProposalParam.SubmissionDeposit, label: 'Submission deposit' },
  { value: 'storageUnitPrice', param: ProposalParam.StorageUnitPrice, label: 'Storage unit price' },
  { value: 'storageFloorPrice', param: ProposalParam.StorageFloorPrice, label: 'Storage floor price' },
] as const;

export type ParameterChoice = (typeof PARAMETER_CHOICES)[number]['value'];

export function isParameterChoice(value: string): value is ParameterChoice {
  return PARAMETER_CHOICES.some((choice) => choice.value === value);
}

/** The parameter change a proposal makes, in words: "Quorum → 12.5%", "Submission deposit → 500 CLO",
 * "Storage floor price → 0.001 CLO per MB". */
export function describeParameterChange(p: Pick<ProposalData, 'param' | 'param_value'>): string {
  if (p.param === ProposalParam.Quorum) return `Quorum → ${formatBps(p.param_value)}`;
  if (p.param === ProposalParam.SubmissionDeposit) return `Submission deposit → ${formatClo(p.param_value)} CLO`;
  // Prices are small: show them to the wei rather than rounded to four decimals.
  if (p.param === ProposalParam.StorageUnitPrice) {
    return `Storage unit price → ${formatClo(p.param_value, 18)} CLO per MB`;
  }
  if (p.param === ProposalParam.StorageFloorPrice) {
    return `Storage floor price → ${formatClo(p.param_value, 18)} CLO per MB`;
  }
  return `Unknown parameter ${p.param} → ${p.param_value}`;
}

export function kindLabel(kind: number): string {
  if (kind === ProposalKind.Funding) return 'Funding';
  if (kind === ProposalKind.SetParameter) return 'Parameter change';
  if (kind === ProposalKind.AppointAuditManager) return 'Appoint audit manager';
  if (kind === ProposalKind.DismissAuditManager) return 'Dismiss audit manager';
  if (kind === ProposalKind.ElectHostNode) return 'Elect IPFS host node';
  if (kind === ProposalKind.RemoveHostNode) return 'Remove IPFS host node';
  return `Kind ${kind}`;
}

/** The kind filter of the list, in the order it is offered; a change and its reverse share one entry. */
export const KIND_FILTERS = ['All kinds', 'Funding', 'Parameter change', 'Audit manager', 'IPFS host node'] as const;

export type KindFilter = (typeof KIND_FILTERS)[number];

export function isKindFilter(value: string): value is KindFilter {
  return (KIND_FILTERS as readonly string[]).includes(value);
}

export function matchesKindFilter(kind: number, filter: KindFilter): boolean {
  switch (filter) {
    case 'All kinds':
      return true;
    case 'Funding':
      return kind === ProposalKind.Funding;
    case 'Parameter change':
      return kind === ProposalKind.SetParameter;
    case 'Audit manager':
      return isAuditManagerKind(kind);
    case 'IPFS host node':
      return isHostNodeKind(kind);
  }
}

// ---- executed actions ----------------------------------------------------------------------------------------

/** The contract that carries out an accepted proposal's action and may refuse it (the call runs in try/catch),
 * or undefined when nothing can refuse it (funding, the treasury's own parameters). */
export function executionTarget(
  p: Pick<ProposalData, 'kind' | 'param'>,
): 'the audit registry' | 'the file system' | undefined {
  if (isAuditManagerKind(p.kind)) return 'the audit registry';
  if (isHostNodeKind(p.kind)) return 'the file system';
  if (p.kind === ProposalKind.SetParameter && isStorageParam(p.param)) return 'the file system';
  return undefined;
}

/** Whether an accepted action that another contract carries out took effect, in words; undefined for other
 * kinds and before acceptance. A refused action stays Accepted with `executed` false. */
export function executionLabel(
  p: Pick<ProposalData, 'kind' | 'status' | 'executed' | 'param'>,
): 'Took effect' | 'Accepted, but the registry refused it' | 'Accepted, but the file system refused it' | undefined {
  const target = executionTarget(p);
  if (!target || p.status !== ProposalStatus.Accepted) return undefined;
  if (!executionFailed(p)) return 'Took effect';
  return target === 'the audit registry'
    ? 'Accepted, but the registry refused it'
    : 'Accepted, but the file system refused it';
}

// ---- audit manager proposals ---------------------------------------------------------------------------------

/** The change an audit manager proposal makes, in words: "Appoint 0x… (contact)" or "Dismiss 0x…". */
export function describeAuditManagerChange(p: Pick<ProposalData, 'kind' | 'subject' | 'contact'>): string {
  if (p.kind === ProposalKind.AppointAuditManager) {
    return `Appoint ${p.subject}${p.contact ? ` (contact: ${p.contact})` : ''}`;
  }
  return `Dismiss ${p.subject}`;
}

// ---- host node proposals -------------------------------------------------------------------------------------

/** The note every capacity in MB carries. */
export { MB_NOTE } from '../files/units';

/** A whole number of MB, grouped: "10,240 MB". */
export function formatMb(mb: bigint): string {
  return `${mb.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')} MB`;
}

export interface EndpointDisplay {
  /** The endpoint as stored: always rendered as text. */
  text: string;
  /** The full host (with any port, punycode kept) when the text is a URL with one. */
  host?: string;
  /** A link target, only for an https: URL with a host; an http: endpoint is never a link. */
  href?: string;
}

/**
 * How to show a host node's endpoint, an untrusted string from the chain: as text, with the host it really names
 * beside it, and a link only when it is https: without a user name. The host is the one the URL parser sees, so
 * tricks such as "https://known.org@other.example" show other.example.
 */
export function endpointDisplay(endpoint: string): EndpointDisplay {
  let host: string | undefined;
  let credentials = false;
  try {
    const url = new URL(endpoint);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '') host = url.host;
    credentials = url.username !== '' || url.password !== '';
  } catch {
    // not a URL: shown as text only
  }
  // A URL with a user name is a known disguise: it stays text, with its real host beside it.
  const safe = endpoint.startsWith('https://') && !credentials ? safeLinkUrl(endpoint) : undefined;
  return { text: endpoint, host, href: host && safe ? safe : undefined };
}

/** The change a host node proposal makes, in words (the endpoint stays out: the detail page shows it with its
 * host). "Elect 0x… with 10,240 MB for 10 CLO × 6 epochs" or "Remove 0x…". */
export function describeHostNodeChange(
  p: Pick<ProposalData, 'kind' | 'subject' | 'param_value' | 'amount_per_epoch' | 'epochs'>,
): string {
  if (p.kind === ProposalKind.RemoveHostNode) return `Remove ${p.subject}`;
  const epochs = `${p.epochs} epoch${p.epochs === 1 ? '' : 's'}`;
  return `Elect ${p.subject} with ${formatMb(p.param_value)} for ${formatClo(p.amount_per_epoch)} CLO × ${epochs}`;
}

/** What the file system's `host_nodes()` returns for one node. */
export interface HostNodeInfo {
  node: Address;
  endpoint: string;
  capacity_mb: bigint;
  elected_at: bigint;
  confirmations: bigint;
}

/** The file system's MAX_HOST_NODES. */
export const MAX_HOST_NODES = 32;

/** Whether `node` is elected now, from the file system's `host_nodes()`; undefined until read or while the
 * address is not one. */
export function electedHostNode(
  node: string,
  hostNodes: readonly HostNodeInfo[] | undefined,
): HostNodeInfo | null | undefined {
  if (!hostNodes || !isAddress(node.trim(), { strict: false })) return undefined;
  const wanted = node.trim().toLowerCase();
  return hostNodes.find((n) => n.node.toLowerCase() === wanted) ?? null;
}

/**
 * What the form says about the node before sending, from today's elected nodes. Not errors: the file system
 * checks at execution, after the vote, and the set may change by then (a pending removal or election); the
 * author is told that execution would fail if nothing changes.
 */
export function hostNodeNotice(
  action: 'elect' | 'remove',
  node: string,
  hostNodes: readonly HostNodeInfo[] | undefined,
): { tone: 'ok' | 'warning'; text: string } | undefined {
  const elected = electedHostNode(node, hostNodes);
  if (elected === undefined || !hostNodes) return undefined;
  if (action === 'elect') {
    if (elected) {
      return {
        tone: 'warning',
        text: 'This node is elected already: unless it is removed before the vote ends, the file system will refuse the election.',
      };
    }
    if (hostNodes.length >= MAX_HOST_NODES) {
      return {
        tone: 'warning',
        text: `The file system has its maximum of ${MAX_HOST_NODES} host nodes: unless one is removed first, it will refuse the election.`,
      };
    }
    return { tone: 'ok', text: 'Not elected now.' };
  }
  if (elected) {
    return { tone: 'ok', text: `Elected now, with ${formatMb(elected.capacity_mb)}.` };
  }
  return {
    tone: 'warning',
    text: 'This node is not elected now: unless it is elected before the vote ends, the file system will refuse the removal.',
  };
}

// ---- actions -----------------------------------------------------------------------------------------------

export interface ActionState {
  /** Whether the action belongs on this proposal at all (Pay on a parameter change does not). */
  shown: boolean;
  enabled: boolean;
  /** Why not, when disabled. */
  reason?: string;
  /** A block time the reason refers to ("opens at …"), for the UI to format in the user's zone. */
  at?: bigint;
}

export interface ActionInput {
  proposal: ProposalData;
  currentEpoch: bigint;
  genesis: bigint;
  epochLength: bigint;
  account?: Address;
  /** The account's stake in cold staking (its voting power). */
  stake?: bigint;
  /** The contract's `due_epochs(id)`. */
  dueEpochs: bigint;
  /** The contract's `available_balance()`. */
  availableBalance?: bigint;
}

export interface ProposalActions {
  vote: ActionState;
  evaluate: ActionState;
  /** Ends a proposal nobody evaluated in its evaluation epoch; its deposit is credited to the author. */
  expire: ActionState;
  pay: ActionState;
  withdraw: ActionState;
  /** The block time `evaluate` refuses from (the end of the evaluation epoch), while the proposal is in voting. */
  evaluateBy?: bigint;
}

const off = (reason: string, at?: bigint): ActionState => ({ shown: true, enabled: false, reason, at });
const on: ActionState = { shown: true, enabled: true };
const hidden: ActionState = { shown: false, enabled: false };

/** Which actions a proposal offers now, each with the reason it cannot succeed, checked as the contract does. */
export function proposalActions(input: ActionInput): ProposalActions {
  const { proposal: p, currentEpoch, genesis, epochLength, account, stake } = input;
  const start = genesis + p.voting_epoch * epochLength;
  const end = start + epochLength;
  const inVoting = p.status === ProposalStatus.Voting;

  let vote: ActionState;
  if (!inVoting) vote = hidden;
  else if (currentEpoch < p.voting_epoch) vote = off('Voting has not started: it opens at', start);
  else if (currentEpoch > p.voting_epoch) vote = off('Voting has ended, at', end);
  else if (!account) vote = off('Connect a wallet to vote');
  else if (stake === undefined) vote = off('Reading your stake…');
  else if (stake === 0n) vote = off('Only cold stakers vote, and this account has no stake in cold staking');
  else vote = on;

  const deadline = end + epochLength;
  let evaluate: ActionState;
  if (!inVoting) evaluate = hidden;
  else if (currentEpoch <= p.voting_epoch) evaluate = off('The vote can be evaluated once it ends, at', end);
  else if (currentEpoch > p.voting_epoch + 1n) {
    evaluate = off('Nobody evaluated it in time: evaluation closed at', deadline);
  } else if (!account) evaluate = off('Connect a wallet to evaluate');
  else evaluate = on;

  let expire: ActionState;
  if (!inVoting || currentEpoch <= p.voting_epoch + 1n) expire = hidden;
  else if (!account) expire = off('Connect a wallet to expire it');
  else expire = on;

  let pay: ActionState;
  if (
    p.status !== ProposalStatus.Accepted ||
    (p.kind !== ProposalKind.Funding && p.kind !== ProposalKind.ElectHostNode)
  ) {
    pay = hidden;
  } else if (!paysPerEpoch(p)) {
    pay = off('The file system refused the election, so no salary is paid');
  } else if (p.paid_epochs >= p.epochs) pay = off(`All ${p.epochs} epochs are paid`);
  else if (input.dueEpochs === 0n) {
    pay = off(
      'Nothing is due yet: the next epoch falls due at',
      genesis + (p.first_pay_epoch + BigInt(p.paid_epochs)) * epochLength,
    );
  } else if (input.availableBalance !== undefined && input.availableBalance < input.dueEpochs * p.amount_per_epoch) {
    pay = off(
      `The treasury cannot cover the payment: ${formatClo(input.dueEpochs * p.amount_per_epoch)} CLO is due and ` +
        `${formatClo(input.availableBalance)} CLO is available. It stays due`,
    );
  } else if (!account) pay = off('Connect a wallet to trigger the payment');
  else pay = on;

  let withdraw: ActionState;
  if (!inVoting) withdraw = hidden;
  else if (currentEpoch > p.voting_epoch) withdraw = off('The vote has ended: a proposal can only be withdrawn before');
  else if (!account) withdraw = off('Connect the author’s wallet to withdraw');
  else if (account.toLowerCase() !== p.author.toLowerCase()) withdraw = off('Only the author may withdraw');
  else withdraw = on;

  return { vote, evaluate, expire, pay, withdraw, evaluateBy: inVoting ? deadline : undefined };
}

/** What a funding proposal's payee means when it is the cold staking contract: the treasury pays it with the
 * contract's donation function, so the CLO goes to the stakers' reward pool instead of becoming a stake. */
export function payeeNote(payee: string, staking: string | undefined): string | undefined {
  if (!staking || payee.trim().toLowerCase() !== staking.toLowerCase()) return undefined;
  return 'This is the cold staking contract: each payment is donated to the stakers’ reward pool, shared by all cold stakers as rewards (it does not become a stake).';
}

/** Why an account has no voting power, in words, or undefined when it has some. */
export function votingPowerNote(input: {
  account?: Address;
  stake?: bigint;
  open: boolean;
  opensAt?: bigint;
}): { reason: 'no-account' | 'no-stake' | 'not-open' | 'loading'; opensAt?: bigint } | undefined {
  if (!input.account) return { reason: 'no-account' };
  if (input.stake === undefined) return { reason: 'loading' };
  if (input.stake === 0n) return { reason: 'no-stake' };
  if (!input.open) return { reason: 'not-open', opensAt: input.opensAt };
  return undefined;
}

// ---- the new proposal form -----------------------------------------------------------------------------------

export interface NewProposalInput {
  kind: 'funding' | 'parameter' | 'auditManager' | 'electHostNode' | 'removeHostNode';
  title: string;
  descriptionUrl: string;
  /** Hash the text typed here, or take a hash pasted as is. */
  descriptionMode: 'text' | 'hash';
  descriptionText: string;
  descriptionHash: string;
  payee: string;
  amountPerEpoch: string;
  epochs: string;
  param: ParameterChoice;
  /** A percentage for the quorum, CLO for the deposit, CLO per MB for the storage prices. */
  paramValue: string;
  managerAction: 'appoint' | 'dismiss';
  manager: string;
  /** Only for an appointment. */
  managerContact: string;
  /** Host node election and removal: the node. */
  node: string;
  /** Election only: the node's endpoint URL. */
  endpoint: string;
  /** Election only: whole MB. */
  capacityMb: string;
  /** Election only: CLO per epoch. */
  salaryPerEpoch: string;
  /** Election only: 1..12. */
  salaryEpochs: string;
  /** Whether the chain has an audit registry (`audit_registry()` is not the zero address); undefined until read. */
  hasAuditRegistry?: boolean;
  /** Whether the chain has a file system for host node and storage price proposals (`file_system()` is not the
   * zero address); undefined until read. */
  hasFileSystem?: boolean;
  /** The contract's `submission_deposit`, when read. */
  deposit?: bigint;
  /** The current value of each parameter (by `ProposalParam`), when read: a change moves one step from it. */
  currentParameters?: Partial<Record<number, bigint>>;
  /** The sender's balance, when known. */
  balance?: bigint;
}

export type NewProposalField =
  | 'title'
  | 'descriptionUrl'
  | 'descriptionText'
  | 'descriptionHash'
  | 'payee'
  | 'amountPerEpoch'
  | 'epochs'
  | 'paramValue'
  | 'manager'
  | 'managerContact'
  | 'node'
  | 'endpoint'
  | 'capacityMb'
  | 'salaryPerEpoch'
  | 'salaryEpochs'
  | 'deposit';

export type NewProposalCall =
  | {
      functionName: 'submit_funding';
      args: readonly [string, string, Hex, Address, bigint, number];
      value: bigint;
    }
  | {
      functionName: 'submit_parameter_change';
      args: readonly [string, string, Hex, number, bigint];
      value: bigint;
    }
  | {
      functionName: 'submit_audit_manager_change';
      /** title, description URL, hash, manager, contact ('' when dismissing), appoint. */
      args: readonly [string, string, Hex, Address, string, boolean];
      value: bigint;
    }
  | {
      functionName: 'submit_host_node_election';
      /** title, description URL, hash, node, endpoint, capacity (MB), salary per epoch (wei), epochs. */
      args: readonly [string, string, Hex, Address, string, bigint, bigint, number];
      value: bigint;
    }
  | {
      functionName: 'submit_host_node_removal';
      /** title, description URL, hash, node. */
      args: readonly [string, string, Hex, Address];
      value: bigint;
    };

export interface NewProposalResult {
  errors: Partial<Record<NewProposalField, string>>;
  /** The description's hash, from the text or as pasted, once valid. */
  hash?: Hex;
  /** The contract call, present only when nothing is wrong. */
  call?: NewProposalCall;
}

/**
 * The submission form, every kind: one message a field in the contract's terms (the shared validators of
 * proposal.ts), plus the description's source, the parameter value in the units people type, and whether the
 * balance covers the deposit.
 */
export function validateNewProposal(input: NewProposalInput): NewProposalResult {
  const errors: NewProposalResult['errors'] = {};
  let hash: Hex | undefined;
  if (input.descriptionMode === 'text') {
    if (input.descriptionText.trim() === '') errors.descriptionText = 'Write the description, or paste its hash';
    else hash = descriptionHashOf(input.descriptionText);
  } else {
    const error = validateDescriptionHash(input.descriptionHash.trim());
    if (error) errors.descriptionHash = error;
    else hash = input.descriptionHash.trim().toLowerCase() as Hex;
  }
  const title = validateTitle(input.title);
  if (title) errors.title = title;
  const url = validateDescriptionUrl(input.descriptionUrl);
  if (url) errors.descriptionUrl = url;

  let funding: { payee: Address; amount: bigint; epochs: number } | undefined;
  let parameter: { param: number; value: bigint } | undefined;
  let audit: { manager: Address; contact: string; appoint: boolean } | undefined;
  let election: { node: Address; endpoint: string; capacity: bigint; salary: bigint; epochs: number } | undefined;
  let removal: { node: Address } | undefined;
  const noFileSystem = 'No file system on this chain';
  if (input.kind === 'electHostNode' || input.kind === 'removeHostNode') {
    const node = input.node.trim();
    const nodeError = input.hasFileSystem === false ? noFileSystem : validateNode(node);
    if (nodeError) errors.node = nodeError;
    if (input.kind === 'removeHostNode') {
      if (!nodeError) removal = { node: getAddress(node) };
    } else {
      // The endpoint is checked as typed, as the contract stores it: a trailing space would be refused there too.
      const endpointError = validateEndpoint(input.endpoint);
      const capacity = parseCapacityMb(input.capacityMb);
      const salary = parseSalaryPerEpoch(input.salaryPerEpoch);
      const epochs = parseEpochs(input.salaryEpochs);
      if (endpointError) errors.endpoint = endpointError;
      if (capacity.error) errors.capacityMb = capacity.error;
      if (salary.error) errors.salaryPerEpoch = salary.error;
      if (epochs.error) errors.salaryEpochs = epochs.error;
      if (
        !nodeError &&
        !endpointError &&
        capacity.value !== undefined &&
        salary.value !== undefined &&
        epochs.value !== undefined
      ) {
        election = {
          node: getAddress(node),
          endpoint: input.endpoint,
          capacity: capacity.value,
          salary: salary.value,
          epochs: epochs.value,
        };
      }
    }
  } else if (input.kind === 'auditManager') {
    const appoint = input.managerAction === 'appoint';
    const manager = input.manager.trim();
    const managerError =
      input.hasAuditRegistry === false ? 'No audit registry on this chain' : validateManager(manager);
    const contactError = appoint ? validateManagerContact(input.managerContact, true) : undefined;
    if (managerError) errors.manager = managerError;
    if (contactError) errors.managerContact = contactError;
    if (!managerError && !contactError) {
      audit = { manager: getAddress(manager), contact: appoint ? input.managerContact : '', appoint };
    }
  } else if (input.kind === 'funding') {
    const payee = input.payee.trim();
    const payeeError = validatePayee(payee);
    const amount = parseAmountPerEpoch(input.amountPerEpoch);
    const epochs = parseEpochs(input.epochs);
    if (payeeError) errors.payee = payeeError;
    if (amount.error) errors.amountPerEpoch = amount.error;
    if (epochs.error) errors.epochs = epochs.error;
    if (!payeeError && amount.value !== undefined && epochs.value !== undefined) {
      funding = { payee: getAddress(payee), amount: amount.value, epochs: epochs.value };
    }
  } else {
    const param = PARAMETER_CHOICES.find((choice) => choice.value === input.param)?.param ?? ProposalParam.Quorum;
    const parsed =
      param === ProposalParam.Quorum
        ? parseQuorumPercent(input.paramValue)
        : param === ProposalParam.SubmissionDeposit
          ? parseDepositClo(input.paramValue)
          : parseCloPerMb(input.paramValue);
    const bound =
      isStorageParam(param) && input.hasFileSystem === false
        ? noFileSystem
        : parsed.value === undefined
          ? parsed.error
          : validateParameterValue(param, parsed.value, input.currentParameters?.[param]);
    if (bound) errors.paramValue = bound;
    else if (parsed.value !== undefined) parameter = { param, value: parsed.value };
  }

  if (input.deposit !== undefined && input.balance !== undefined && input.balance < input.deposit) {
    errors.deposit = `Your balance of ${formatClo(input.balance)} CLO does not cover the ${formatClo(input.deposit)} CLO deposit`;
  } else if (input.deposit === undefined) {
    errors.deposit = 'The deposit has not been read from the contract yet';
  }

  if (Object.keys(errors).length > 0 || !hash || input.deposit === undefined) return { errors, hash };
  if (funding) {
    return {
      errors,
      hash,
      call: {
        functionName: 'submit_funding',
        args: [input.title, input.descriptionUrl, hash, funding.payee, funding.amount, funding.epochs],
        value: input.deposit,
      },
    };
  }
  if (parameter) {
    return {
      errors,
      hash,
      call: {
        functionName: 'submit_parameter_change',
        args: [input.title, input.descriptionUrl, hash, parameter.param, parameter.value],
        value: input.deposit,
      },
    };
  }
  if (audit) {
    return {
      errors,
      hash,
      call: {
        functionName: 'submit_audit_manager_change',
        args: [input.title, input.descriptionUrl, hash, audit.manager, audit.contact, audit.appoint],
        value: input.deposit,
      },
    };
  }
  if (election) {
    return {
      errors,
      hash,
      call: {
        functionName: 'submit_host_node_election',
        args: [
          input.title,
          input.descriptionUrl,
          hash,
          election.node,
          election.endpoint,
          election.capacity,
          election.salary,
          election.epochs,
        ],
        value: input.deposit,
      },
    };
  }
  if (removal) {
    return {
      errors,
      hash,
      call: {
        functionName: 'submit_host_node_removal',
        args: [input.title, input.descriptionUrl, hash, removal.node],
        value: input.deposit,
      },
    };
  }
  return { errors, hash };
}
