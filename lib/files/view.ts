// View helpers of the file and node pages: the contract's records as viem decodes them, status and confirmation
// words, sizes in the app's units, what stops an upload before it starts, the gateway link of a node, a node's
// block lag, and the points of the price curve (bigint wei; the chart converts to numbers only where it draws).
// No React here.
import { formatCloWithUnit } from '../format/clo';
import { committedBytes, freeBytes, MB, NO_PRICE, pricePerMb } from './pricing';

export { committedBytes, freeBytes, NO_PRICE };

/** The contract's `FileEntry` (uint32 as number, uint64 and uint256 as bigint). */
export interface FileEntry {
  id: bigint;
  owner: `0x${string}`;
  cid: string;
  path: string;
  size: bigint;
  deposit: bigint;
  uploaded_at: bigint;
  /** 0 while the deposit is held. */
  withdrawn_at: bigint;
  confirmations: number;
  /** The end of the window in which a node must confirm the upload. */
  expires_at: bigint;
  /** The contract's FileStatus: 0 pending, 1 counted, 2 expired, 3 withdrawn. */
  status: number;
}

/** The contract's `HostNode`. */
export interface HostNode {
  node: `0x${string}`;
  endpoint: string;
  capacity_mb: bigint;
  elected_at: bigint;
  /** Files this node confirmed that are still held. */
  confirmations: bigint;
  /** Their bytes. */
  confirmed_bytes: bigint;
}

/** The contract's `Totals`. */
export interface StorageTotals {
  /** Bytes of counted files (confirmed by a node). */
  used_bytes: bigint;
  /** Bytes of uploads waiting for their first confirmation: reserved, priced, not yet counted. */
  pending_bytes: bigint;
  capacity_bytes: bigint;
  held_deposits: bigint;
  file_count: bigint;
  active_file_count: bigint;
  /** Held files a node confirmed. */
  counted_file_count: bigint;
  node_count: bigint;
  unit_price: bigint;
  floor_price: bigint;
  price_per_mb: bigint;
}

export const FILES_PAGE_SIZE = 10;

/** The contract's PENDING_WINDOW (contracts/test/CallistoFS.test.ts checks they agree): how long an upload waits for
 * a node's confirmation before it expires. */
export const PENDING_WINDOW_SECONDS = 86_400n;
export const PENDING_WINDOW_TEXT = '24 hours';

/** What the page says about units wherever it shows MB. */
export const MB_NOTE = '1 MB = 1,048,576 bytes';

// ---- files ---------------------------------------------------------------------------------------------------

/** Where a file stands: waiting for a node's confirmation before its size counts, counted, expired unconfirmed
 * (its space given back, the deposit still to withdraw), or withdrawn. */
export type FileState = 'pending' | 'counted' | 'expired' | 'withdrawn';

export type FileStatusLabel = 'Waiting for confirmation' | 'Stored' | 'Expired unconfirmed' | 'Withdrawn';

const STATES: readonly FileState[] = ['pending', 'counted', 'expired', 'withdrawn'];

/** The file's state at chain time `now` (seconds): a pending upload past its window is expired even before anyone
 * released its space on chain, since no node may confirm it any more. */
export function fileState(file: Pick<FileEntry, 'status' | 'expires_at'>, now: bigint): FileState {
  const state = STATES[file.status] ?? 'withdrawn';
  return state === 'pending' && now >= file.expires_at ? 'expired' : state;
}

export function isHeld(file: Pick<FileEntry, 'withdrawn_at'>): boolean {
  return file.withdrawn_at === 0n;
}

const LABELS: Record<FileState, FileStatusLabel> = {
  pending: 'Waiting for confirmation',
  counted: 'Stored',
  expired: 'Expired unconfirmed',
  withdrawn: 'Withdrawn',
};

export function fileStatusLabel(state: FileState): FileStatusLabel {
  return LABELS[state];
}

/** One sentence on what the state means for the owner, next to the status. */
export function fileStateExplanation(state: FileState): string {
  switch (state) {
    case 'pending':
      return 'Waiting for a host node to confirm it holds this content at this size before the file counts. If no node confirms before the deadline, the upload expires, its space goes back and you withdraw the deposit.';
    case 'counted':
      return 'A host node confirmed it holds this content: the file counts and is kept while the deposit is held.';
    case 'expired':
      return 'No host node confirmed this upload in time (its content never reached a node, or its size did not match), so it is not stored. Withdraw the deposit and upload it again.';
    case 'withdrawn':
      return 'The deposit went back: the file is no longer guaranteed.';
  }
}

/** "2 of 2 nodes": how many host nodes confirmed they hold the file, against the nodes elected now. */
export function confirmationsText(confirmations: number | bigint, nodeCount: number | bigint): string {
  const m = Number(nodeCount);
  return `${confirmations.toString()} of ${m} node${m === 1 ? '' : 's'}`;
}

export function fileHref(id: bigint): string {
  return `/files/file/?id=${id.toString()}`;
}

/** A file id from the query string: decimal digits only, below 2^256; anything else names no file. */
export function parseFileId(raw: string | null | undefined): bigint | undefined {
  if (raw === null || raw === undefined || !/^\d{1,78}$/.test(raw.trim())) return undefined;
  const id = BigInt(raw.trim());
  return id < 2n ** 256n ? id : undefined;
}

/** The `offset` and `limit` of `files_of` for page `page` (0 = newest; the contract pages newest first). */
export function filesPage(total: bigint | undefined, page: number, pageSize = FILES_PAGE_SIZE) {
  const pageCount =
    total === undefined || total === 0n ? 1 : Number((total + BigInt(pageSize) - 1n) / BigInt(pageSize));
  const clamped = Math.min(Math.max(0, Math.floor(page)), pageCount - 1);
  return { offset: BigInt(clamped * pageSize), limit: BigInt(pageSize), page: clamped, pageCount };
}

// ---- sizes and prices ----------------------------------------------------------------------------------------

const UNITS = [
  { name: 'GB', bytes: 1n << 30n },
  { name: 'MB', bytes: 1n << 20n },
  { name: 'KB', bytes: 1n << 10n },
] as const;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A size for people: "812 bytes", "1.5 KB", "12.34 MB", "2.05 GB", in the app's binary units (1 MB = 2^20
 * bytes), truncated to two decimals with integer arithmetic (no rounding up past what is stored). */
export function formatBytes(bytes: bigint): string {
  if (bytes < 0n) return `-${formatBytes(-bytes)}`;
  for (const unit of UNITS) {
    if (bytes >= unit.bytes) {
      const hundredths = (bytes * 100n) / unit.bytes;
      const whole = hundredths / 100n;
      const fraction = (hundredths % 100n).toString().padStart(2, '0').replace(/0+$/, '');
      return `${groupThousands(whole.toString())}${fraction ? `.${fraction}` : ''} ${unit.name}`;
    }
  }
  return `${groupThousands(bytes.toString())} byte${bytes === 1n ? '' : 's'}`;
}

/** The exact byte count, grouped: "1,048,576 bytes". */
export function formatByteCount(bytes: bigint): string {
  return `${groupThousands(bytes.toString())} byte${bytes === 1n ? '' : 's'}`;
}

/** CLO with every significant decimal: prices per MB can be far below what formatClo's 4 digits show. */
export function formatCloExact(wei: bigint): string {
  return formatCloWithUnit(wei, 18);
}

export function formatPricePerMb(wei: bigint): string {
  return wei === NO_PRICE ? 'no price (capacity taken)' : `${formatCloExact(wei)} per MB`;
}

/** Use as a share of capacity in basis points (10,000 = full; above when a node removal left use above it). */
export function utilisationBps(used: bigint, capacity: bigint): number {
  if (capacity === 0n) return used > 0n ? 10_000 : 0;
  return Number((used * 10_000n) / capacity);
}

export function formatBps(bps: number): string {
  const whole = Math.floor(bps / 100);
  const fraction = bps % 100;
  return `${whole}${fraction ? `.${fraction.toString().padStart(2, '0').replace(/0$/, '')}` : ''}%`;
}

/** Why no upload can start now, said before a file is picked; undefined when one can. */
export function uploadUnavailableReason(
  totals: Pick<StorageTotals, 'node_count' | 'used_bytes' | 'pending_bytes' | 'capacity_bytes'>,
): string | undefined {
  if (totals.node_count === 0n) return 'No host node is elected yet, so there is nowhere to store a file.';
  if (freeBytes(totals) <= 1n)
    return 'The host nodes’ capacity is taken: no upload fits until files are withdrawn or expire.';
  return undefined;
}

/** Why this file or folder cannot be uploaded, next to the picker; undefined when it fits. `maxUploadBytes` is
 * the largest limit any online node reported, when one did. An upload must leave at least one byte free: the price
 * has no bound at full capacity. */
export function validateUploadSize(
  size: bigint,
  totals: Pick<StorageTotals, 'node_count' | 'used_bytes' | 'pending_bytes' | 'capacity_bytes'>,
  maxUploadBytes?: bigint,
): string | undefined {
  if (size === 0n) return 'The file is empty: there is nothing to store.';
  const unavailable = uploadUnavailableReason(totals);
  if (unavailable) return unavailable;
  const free = freeBytes(totals);
  if (size >= free)
    return `It is ${formatBytes(size)}; ${formatBytes(free)} of capacity is free, and an upload must leave some of it free.`;
  if (maxUploadBytes !== undefined && size > maxUploadBytes)
    return `It is ${formatBytes(size)}; the host nodes accept uploads of at most ${formatBytes(maxUploadBytes)}.`;
  return undefined;
}

// ---- the price curve -----------------------------------------------------------------------------------------

export interface CurvePoint {
  usedBytes: bigint;
  /** Wei per MB at that use; NO_PRICE at or beyond the capacity. */
  pricePerMb: bigint;
}

/** The share of the capacity where the drawn curve stops (in hundredths): beyond it the price climbs without bound. */
export const CURVE_END_PERCENT = 95;

/**
 * The price per MB against committed use: points at every 1/`steps` of the capacity from empty to CURVE_END_PERCENT
 * (the tenths among them when `steps` is a multiple of 10). The curve has no bound at full capacity, so it is drawn
 * only so far. Empty for no capacity.
 */
export function priceCurve(
  totals: Pick<StorageTotals, 'capacity_bytes' | 'unit_price' | 'floor_price'>,
  steps = 40,
): CurvePoint[] {
  const { capacity_bytes: capacity, unit_price: unit, floor_price: floor } = totals;
  if (capacity === 0n || steps < 1) return [];
  const points: CurvePoint[] = [];
  const last = Math.floor((steps * CURVE_END_PERCENT) / 100);
  for (let i = 0; i <= last; i++) {
    const used = (capacity * BigInt(i)) / BigInt(steps);
    points.push({ usedBytes: used, pricePerMb: pricePerMb(used, capacity, unit, floor) });
  }
  return points;
}

/** The point marked on the curve: the price now, at the bytes committed (counted and pending). */
export function currentPoint(
  totals: Pick<StorageTotals, 'used_bytes' | 'pending_bytes' | 'capacity_bytes' | 'unit_price' | 'floor_price'>,
): CurvePoint {
  const committed = committedBytes(totals);
  return {
    usedBytes: committed,
    pricePerMb: pricePerMb(committed, totals.capacity_bytes, totals.unit_price, totals.floor_price),
  };
}

// ---- host nodes ----------------------------------------------------------------------------------------------

/** Nodes in election order, oldest first (the contract's order changes when a node is removed). */
export function nodesByElection<N extends Pick<HostNode, 'elected_at' | 'node'>>(nodes: readonly N[]): N[] {
  return [...nodes].sort((a, b) =>
    a.elected_at !== b.elected_at
      ? a.elected_at < b.elected_at
        ? -1
        : 1
      : a.node.toLowerCase() < b.node.toLowerCase()
        ? -1
        : 1,
  );
}

export function capacityBytes(node: Pick<HostNode, 'capacity_mb'>): bigint {
  return node.capacity_mb * MB;
}

/** Blocks the node's event processing trails the chain head the page reads (0 when it is ahead or level). */
export function blockLag(chainHead: bigint | undefined, health: { block: number; checkpoint: number }): number {
  const head = chainHead !== undefined ? Number(chainHead) : health.block;
  return Math.max(0, head - health.checkpoint);
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * The link to a file on a node's gateway, or undefined when it must stay text. Endpoints come from the chain and
 * are untrusted: https: becomes a link; http: only on a loopback host (the local stack's nodes, which never leave
 * the machine). The link shows its full host beside it wherever it is rendered.
 */
export function gatewayLinkUrl(endpoint: string, cid: string): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) return undefined;
  if (!/^b[a-z2-7]{1,99}$/.test(cid)) return undefined;
  return `${url.href.replace(/\/+$/, '')}/ipfs/${cid}`;
}

/** The endpoint's host with its port, as shown beside it ("node.example.org:8443"); the text itself when it is
 * no URL. */
export function endpointHost(endpoint: string): string {
  try {
    return new URL(endpoint).host || endpoint;
  } catch {
    return endpoint;
  }
}
