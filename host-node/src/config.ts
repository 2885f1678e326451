// The host node's settings, from HOST_NODE_* environment variables. Every problem is reported as one line naming
// the variable, so an operator can fix it without reading code.
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { getAddress, isAddress, isHex, type Address, type Hex } from 'viem';

export interface HostNodeConfig {
  /** The node's key: it signs `confirm(id)` and is the address the contract elected. */
  privateKey: Hex;
  rpcUrl: string;
  /** The CallistoFS contract; undefined means "the one in contracts-abi/deployments/<chainId>.json". */
  fileSystemAddress?: Address;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  dataDir: string;
  /** Origins allowed to call the node from a browser; ['*'] allows any. */
  corsOrigins: string[];
  /** Content bytes one upload may carry. */
  maxUploadBytes: number;
  /** How long unregistered uploads are kept before they are removed. */
  graceSeconds: number;
  /** Use an external Kubo node's RPC API as the store instead of the embedded one. */
  kuboApiUrl?: string;
  /** How often the chain is polled for new events, and the base of the retry backoff. */
  pollMs: number;
  /** Blocks scanned per eth_getLogs request. */
  maxBlockRange: number;
  /** Blocks to stay behind the head, so a short reorganisation never reaches the node. */
  confirmationBlocks: number;
  /** Where a fresh node starts scanning when the deployment block is unknown. */
  startBlock?: bigint;
  /** Timeouts and limits against slow and hostile clients; unset members take DEFAULT_LIMITS. */
  limits?: Partial<HostNodeLimits>;
  /** Log lines go here (one line each); defaults to stdout with a timestamp. */
  log?: (line: string) => void;
}

/** What one client, and all clients together, may hold of the node: time, connections, uploads, reads, disk. */
export interface HostNodeLimits {
  /** A request whose headers have not all arrived after this long is answered 408 and closed. */
  headersTimeoutMs: number;
  /** A connection that moves no byte of a request body or of a response for this long is closed. */
  idleTimeoutMs: number;
  /** Receiving one whole request (headers and body) may take at most this long. */
  requestTimeoutMs: number;
  /** Open connections from one client address; more are answered 429 and closed. */
  maxConnectionsPerClient: number;
  /** Uploads received at once from one client address (429 beyond), and from everyone (503 beyond). */
  maxUploadsPerClient: number;
  maxUploads: number;
  /** Files and folders in one upload (413 beyond). */
  maxUploadEntries: number;
  /** Gateway reads served at once to one client address (429 beyond), and to everyone (503 beyond). */
  maxReadsPerClient: number;
  maxReads: number;
  /** Bytes of uploads not registered on chain (kept for the grace period, or still arriving), per client address
   * and in total; an upload that would pass either is refused. */
  maxStagedBytesPerClient: number;
  maxStagedBytes: number;
  /** Addresses of reverse proxies whose X-Forwarded-For names the client; empty: the socket's address is. */
  trustedProxies: string[];
}

export const DEFAULT_LIMITS: Readonly<HostNodeLimits> = Object.freeze({
  headersTimeoutMs: 20_000,
  idleTimeoutMs: 30_000,
  requestTimeoutMs: 3_600_000,
  maxConnectionsPerClient: 64,
  maxUploadsPerClient: 4,
  maxUploads: 32,
  maxUploadEntries: 4_096,
  maxReadsPerClient: 16,
  maxReads: 64,
  maxStagedBytesPerClient: 4 * 1024 ** 3,
  maxStagedBytes: 16 * 1024 ** 3,
  trustedProxies: [],
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 5101,
  dataDir: '.data/host-node',
  /** The web app's port when PORT is unset: `npm run dev` serves the app there. */
  appPort: 3000,
  maxUploadBytes: 2 * 1024 ** 3,
  graceSeconds: 3600,
  pollMs: 2000,
  maxBlockRange: 2000,
  confirmationBlocks: 0,
} as const;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${raw}`);
  return value;
}

function httpUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must be an http:// or https:// URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

/** Reads and checks the settings; throws ConfigError with a one-line message. */
export function loadConfigFromEnv(env: Env = process.env): HostNodeConfig {
  const privateKey = text(env, 'HOST_NODE_PRIVATE_KEY');
  if (!privateKey) throw new ConfigError('HOST_NODE_PRIVATE_KEY is required (the 0x-prefixed key of the elected node)');
  if (!isHex(privateKey) || privateKey.length !== 66) {
    throw new ConfigError('HOST_NODE_PRIVATE_KEY must be 32 bytes as 0x-prefixed hex (66 characters)');
  }

  const rpcRaw = text(env, 'HOST_NODE_RPC_URL');
  if (!rpcRaw) throw new ConfigError('HOST_NODE_RPC_URL is required (the JSON-RPC URL of the chain)');
  const rpcUrl = httpUrl('HOST_NODE_RPC_URL', rpcRaw);

  const addressRaw = text(env, 'HOST_NODE_FILE_SYSTEM_ADDRESS');
  if (addressRaw !== undefined && !isAddress(addressRaw, { strict: false })) {
    throw new ConfigError(`HOST_NODE_FILE_SYSTEM_ADDRESS must be a 0x-prefixed address, got "${addressRaw}"`);
  }

  const corsRaw = text(env, 'HOST_NODE_CORS_ORIGINS');
  const corsOrigins = corsRaw
    ? corsRaw
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean)
    : appOrigins(integer(env, 'PORT', DEFAULTS.appPort, 1, 65_535));
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(
        `HOST_NODE_CORS_ORIGINS must list origins like https://app.example (scheme and host, no path) or *, got "${origin}"`,
      );
    }
  }

  const kuboRaw = text(env, 'HOST_NODE_KUBO_API_URL');
  const startRaw = text(env, 'HOST_NODE_START_BLOCK');
  if (startRaw !== undefined && !/^\d+$/.test(startRaw)) {
    throw new ConfigError(`HOST_NODE_START_BLOCK must be a block number, got "${startRaw}"`);
  }

  return {
    privateKey,
    rpcUrl,
    fileSystemAddress: addressRaw ? getAddress(addressRaw) : undefined,
    host: text(env, 'HOST_NODE_HOST') ?? DEFAULTS.host,
    port: integer(env, 'HOST_NODE_PORT', DEFAULTS.port, 0, 65_535),
    dataDir: resolve(text(env, 'HOST_NODE_DATA_DIR') ?? DEFAULTS.dataDir),
    corsOrigins,
    maxUploadBytes: integer(env, 'HOST_NODE_MAX_UPLOAD_BYTES', DEFAULTS.maxUploadBytes, 1),
    graceSeconds: integer(env, 'HOST_NODE_GRACE_SECONDS', DEFAULTS.graceSeconds, 0),
    kuboApiUrl: kuboRaw ? httpUrl('HOST_NODE_KUBO_API_URL', kuboRaw) : undefined,
    pollMs: integer(env, 'HOST_NODE_POLL_MS', DEFAULTS.pollMs, 10),
    maxBlockRange: integer(env, 'HOST_NODE_MAX_BLOCK_RANGE', DEFAULTS.maxBlockRange, 1),
    confirmationBlocks: integer(env, 'HOST_NODE_CONFIRMATION_BLOCKS', DEFAULTS.confirmationBlocks, 0),
    startBlock: startRaw === undefined ? undefined : BigInt(startRaw),
    limits: limitsFromEnv(env),
  };
}

/** The origins the web app is served from on this machine when it runs on `port` (`npm run dev` and `next start`
 * read the same PORT), so the default follows the app's configuration rather than assuming port 3000. */
export function appOrigins(port: number): string[] {
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
}

function limitsFromEnv(env: Env): HostNodeLimits {
  const d = DEFAULT_LIMITS;
  const max = Number.MAX_SAFE_INTEGER;
  const limits: HostNodeLimits = {
    headersTimeoutMs: integer(env, 'HOST_NODE_HEADERS_TIMEOUT_MS', d.headersTimeoutMs, 100, max),
    idleTimeoutMs: integer(env, 'HOST_NODE_IDLE_TIMEOUT_MS', d.idleTimeoutMs, 100, max),
    requestTimeoutMs: integer(env, 'HOST_NODE_REQUEST_TIMEOUT_MS', d.requestTimeoutMs, 100, max),
    maxConnectionsPerClient: integer(env, 'HOST_NODE_MAX_CONNECTIONS_PER_CLIENT', d.maxConnectionsPerClient, 1),
    maxUploadsPerClient: integer(env, 'HOST_NODE_MAX_UPLOADS_PER_CLIENT', d.maxUploadsPerClient, 1),
    maxUploads: integer(env, 'HOST_NODE_MAX_UPLOADS', d.maxUploads, 1),
    maxUploadEntries: integer(env, 'HOST_NODE_MAX_UPLOAD_ENTRIES', d.maxUploadEntries, 1),
    maxReadsPerClient: integer(env, 'HOST_NODE_MAX_READS_PER_CLIENT', d.maxReadsPerClient, 1),
    maxReads: integer(env, 'HOST_NODE_MAX_READS', d.maxReads, 1),
    maxStagedBytesPerClient: integer(env, 'HOST_NODE_MAX_STAGED_BYTES_PER_CLIENT', d.maxStagedBytesPerClient, 1),
    maxStagedBytes: integer(env, 'HOST_NODE_MAX_STAGED_BYTES', d.maxStagedBytes, 1),
    trustedProxies: (text(env, 'HOST_NODE_TRUSTED_PROXIES') ?? '')
      .split(',')
      .map((address) => address.trim())
      .filter(Boolean),
  };
  for (const address of limits.trustedProxies) {
    if (isIP(address) === 0) {
      throw new ConfigError(`HOST_NODE_TRUSTED_PROXIES must list IP addresses, got "${address}"`);
    }
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new ConfigError(
      `HOST_NODE_HEADERS_TIMEOUT_MS (${limits.headersTimeoutMs}) must not exceed HOST_NODE_REQUEST_TIMEOUT_MS (${limits.requestTimeoutMs})`,
    );
  }
  return limits;
}

interface DeploymentsFile {
  contracts?: Partial<Record<string, string>>;
  blocks?: Partial<Record<string, number>>;
}

/** contracts-abi/deployments/<chainId>.json, written by `npm run deploy`; read at run time so a new deploy needs no
 * rebuild. */
export async function deployedFileSystem(chainId: number): Promise<{ address?: Address; block?: bigint }> {
  const file = new URL(`../../contracts-abi/deployments/${chainId}.json`, import.meta.url);
  let parsed: DeploymentsFile;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as DeploymentsFile;
  } catch {
    return {};
  }
  const address = parsed.contracts?.CallistoFS;
  const block = parsed.blocks?.CallistoFS;
  return {
    address: address && isAddress(address, { strict: false }) ? getAddress(address) : undefined,
    block: block === undefined ? undefined : BigInt(block),
  };
}
