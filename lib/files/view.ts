// View helpers of the file and node pages: the contract's records as viem decodes them, status and confirmation
// words, sizes in the app's units, what stops an upload before it starts, the gateway link of a node, a node's
// block lag, and the points of the price curve (bigint wei; the chart converts to numbers only where it draws).
// No React here.
import { formatCloWithUnit } from '../format/clo';
import { CRR, MB, freeBytes, pricePerMb } from './pricing';

export { freeBytes };

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
}

/** The contract's `HostNode`. */
export interface HostNode {
  node: `0x${string}`;
  endpoint: string;
  capacity_mb: bigint;
  elected_at: bigint;
  confirmations: bigint;
}

/** The contract's `Totals`. */
export interface StorageTotals {
  used_bytes: bigint;
  capacity_bytes: bigint;
  held_deposits: bigint;
  file_count: bigint;
  active_file_count: bigint;
  node_count: bigint;
  unit_price: bigint;
  floor_price: bigint;
  price_per_mb: bigint;
}

export const FILES_PAGE_SIZE = 10;

/** What the page says about units wherever it shows MB. */
export const MB_NOTE = '1 MB = 1,048,576 bytes';

// ---- files ---------------------------------------------------------------------------------------------------

export type FileStatusLabel = 'Deposit held' | 'Withdrawn';

export function isHeld(file: Pick<FileEntry, 'withdrawn_at'>): boolean {
  return file.withdrawn_at === 0n;
}

export function fileStatusLabel(file: Pick<FileEntry, 'withdrawn_at'>): FileStatusLabel {
  return isHeld(file) ? 'Deposit held' : 'Withdrawn';
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
  return `${formatCloExact(wei)} per MB`;
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
  totals: Pick<StorageTotals, 'node_count' | 'used_bytes' | 'capacity_bytes'>,
): string | undefined {
  if (totals.node_count === 0n) return 'No host node is elected yet, so there is nowhere to store a file.';
  if (freeBytes(totals) === 0n) return 'The host nodes’ capacity is full: no upload fits until files are withdrawn.';
  return undefined;
}

/** Why this file or folder cannot be uploaded, next to the picker; undefined when it fits. `maxUploadBytes` is
 * the largest limit any online node reported, when one did. */
export function validateUploadSize(
  size: bigint,
  totals: Pick<StorageTotals, 'node_count' | 'used_bytes' | 'capacity_bytes'>,
  maxUploadBytes?: bigint,
): string | undefined {
  if (size === 0n) return 'The file is empty: there is nothing to store.';
  const unavailable = uploadUnavailableReason(totals);
  if (unavailable) return unavailable;
  const free = freeBytes(totals);
  if (size > free) return `It is ${formatBytes(size)}; only ${formatBytes(free)} of capacity is free.`;
  if (maxUploadBytes !== undefined && size > maxUploadBytes)
    return `It is ${formatBytes(size)}; the host nodes accept uploads of at most ${formatBytes(maxUploadBytes)}.`;
  return undefined;
}

// ---- the price curve -----------------------------------------------------------------------------------------

export interface CurvePoint {
  usedBytes: bigint;
  /** Wei per MB at that use. */
  pricePerMb: bigint;
}

/**
 * The price per MB against use, from empty to full capacity: `steps` + 1 evenly spaced points, plus the points
 * where the floor gives way to the rising line, so the polyline drawn through them is the formula's exact shape
 * (max of a constant and a line). Empty for no capacity.
 */
export function priceCurve(
  totals: Pick<StorageTotals, 'capacity_bytes' | 'unit_price' | 'floor_price'>,
  steps = 20,
): CurvePoint[] {
  const { capacity_bytes: capacity, unit_price: unit, floor_price: floor } = totals;
  if (capacity === 0n || steps < 1) return [];
  const used = new Set<bigint>();
  for (let i = 0; i <= steps; i++) used.add((capacity * BigInt(i)) / BigInt(steps));
  // The kink: the least use at which the line reaches the floor, ceil(floor * capacity * CRR / unit).
  if (unit > 0n) {
    const kink = (floor * capacity * CRR + unit - 1n) / unit;
    if (kink > 0n && kink < capacity) {
      used.add(kink - 1n);
      used.add(kink);
    }
  }
  return [...used]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((u) => ({ usedBytes: u, pricePerMb: pricePerMb(u, capacity, unit, floor) }));
}

/** The point marked on the curve: the price now, at the current use. */
export function currentPoint(
  totals: Pick<StorageTotals, 'used_bytes' | 'capacity_bytes' | 'unit_price' | 'floor_price'>,
): CurvePoint {
  return {
    usedBytes: totals.used_bytes,
    pricePerMb: pricePerMb(totals.used_bytes, totals.capacity_bytes, totals.unit_price, totals.floor_price),
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
