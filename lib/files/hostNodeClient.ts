// The browser's side of the host node HTTP API: the upload (Kubo's `POST /api/v0/add` subset) with progress, moving
// on to the next elected node when one does not answer, and the health check the nodes page shows. No React here.
//
// The upload goes through XMLHttpRequest with a FormData of File objects: the browser then streams each file from
// disk as it sends it (the page never holds a multi-gigabyte file in memory) and reports upload progress, which
// fetch() cannot do for a request body.

/** One file of an upload: its path inside the upload ("photo.jpg", or "holiday/day 1/photo.jpg" for a file of a
 * folder: every entry of a folder starts with the folder's name) and its bytes, read from disk when sent. */
export interface UploadEntry {
  path: string;
  file: Blob;
}

/** One line of the add answer: Kubo's `{"Name","Hash","Size"}`, an entry a line, the root last. */
export interface AddedEntry {
  name: string;
  cid: string;
  size: string;
}

export type HostNodeErrorKind =
  /** No answer: the node is down, unreachable, or the browser refused the request (CORS, http: from https:). */
  | 'offline'
  /** 413: bigger than the node accepts. */
  | 'too-large'
  /** The node answered with an error status (the message is its own). */
  | 'refused'
  /** 429 or 503: the node is busy (too many uploads, its staging full); it says when to come back (Retry-After). */
  | 'busy'
  /** 5xx: the node failed while handling it. */
  | 'server-error'
  /** The answer was not what the API promises. */
  | 'bad-answer'
  /** The node computed another root CID than the browser did: it will not pin what the chain registered. */
  | 'cid-mismatch'
  /** The endpoint recorded on chain is not an http(s) URL. */
  | 'bad-endpoint'
  /** The user (or the page) cancelled. */
  | 'aborted';

export class HostNodeError extends Error {
  override readonly name = 'HostNodeError';
  constructor(
    readonly kind: HostNodeErrorKind,
    message: string,
    readonly endpoint: string,
    readonly status?: number,
    /** For a busy node: the seconds it asked to wait (its Retry-After), when it said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** A Retry-After header in seconds: delta-seconds or an HTTP date (RFC 9110); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** How many times one busy node is asked again before the next node is tried. */
export const MAX_BUSY_RETRIES = 2;
/** A node that asks for a longer wait than this is skipped for the next one at once. */
export const MAX_RETRY_AFTER_SECONDS = 30;
/** The wait when a busy node does not say how long (or the browser cannot read the header). */
export const DEFAULT_RETRY_AFTER_SECONDS = 2;

/** The seconds to wait before asking the same node again, or undefined to move on: only a busy node is asked
 * again, at most MAX_BUSY_RETRIES times, and only when the wait it asks for is short. */
export function busyRetryWait(error: HostNodeError, retriesSoFar: number): number | undefined {
  if (error.kind !== 'busy' || retriesSoFar >= MAX_BUSY_RETRIES) return undefined;
  const wait = error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  return wait <= MAX_RETRY_AFTER_SECONDS ? wait : undefined;
}

/** Whether an upload that failed this way may succeed on another node. A cancelled upload stops; a request the
 * node refused as malformed would be refused by every node alike. */
export function worthTryingAnotherNode(error: HostNodeError): boolean {
  return error.kind !== 'aborted' && error.kind !== 'refused';
}

/** `endpoint` + `path` for an endpoint recorded on chain, which may carry a path prefix and a trailing slash. */
export function hostNodeUrl(endpoint: string, path: string): string {
  let parsed: URL;
  try {
    parsed = new URL(endpoint);
  } catch {
    throw new HostNodeError('bad-endpoint', `The node's endpoint “${endpoint}” is not a URL.`, endpoint);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new HostNodeError('bad-endpoint', `The node's endpoint “${endpoint}” is not an http(s) URL.`, endpoint);
  }
  return `${endpoint.replace(/\/+$/, '')}${path}`;
}

export function addUrl(endpoint: string): string {
  return hostNodeUrl(endpoint, '/api/v0/add?cid-version=1');
}

/** The multipart filename of an entry, URL-encoded as Kubo's own client does, so "/" and any character that a
 * Content-Disposition header could mangle (quotes, line breaks, non-ASCII) arrive intact. */
export function multipartFilename(path: string): string {
  return encodeURIComponent(path);
}

/** The request body: one part an entry, all under the field name `file`. The folders are implied by the paths. */
export function buildAddForm(entries: readonly UploadEntry[]): FormData {
  const form = new FormData();
  for (const entry of entries) form.append('file', entry.file, multipartFilename(entry.path));
  return form;
}

/** The entries of an NDJSON add answer, in order (the root last). Kubo's progress lines (with "Bytes" and no
 * "Hash") are skipped; an error line or a line that is not JSON makes the whole answer unusable. */
export function parseAddResponse(text: string, endpoint = ''): AddedEntry[] {
  const entries: AddedEntry[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      throw new HostNodeError('bad-answer', 'The node answered with something other than NDJSON.', endpoint);
    }
    if (typeof value !== 'object' || value === null) {
      throw new HostNodeError('bad-answer', 'The node answered with a line that is not an object.', endpoint);
    }
    const record = value as Record<string, unknown>;
    if (typeof record.Message === 'string' && record.Type === 'error') {
      throw new HostNodeError('refused', record.Message, endpoint);
    }
    if (typeof record.error === 'string') throw new HostNodeError('refused', record.error, endpoint);
    if (typeof record.Hash !== 'string') continue;
    entries.push({
      name: typeof record.Name === 'string' ? record.Name : '',
      cid: record.Hash,
      size: typeof record.Size === 'string' || typeof record.Size === 'number' ? String(record.Size) : '',
    });
  }
  if (entries.length === 0) throw new HostNodeError('bad-answer', 'The node answered with no entry.', endpoint);
  return entries;
}

/** The error of a non-2xx answer: the node's own sentence from `{"error": …}` when it gave one. */
export function errorFromStatus(
  status: number,
  body: string,
  endpoint: string,
  retryAfterSeconds?: number,
): HostNodeError {
  let message: string | undefined;
  try {
    const value = JSON.parse(body) as unknown;
    if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (typeof record.error === 'string') message = record.error;
      else if (typeof record.Message === 'string') message = record.Message;
    }
  } catch {
    // Not JSON (a proxy's HTML error page, say): the status says enough.
  }
  if (status === 413) {
    return new HostNodeError('too-large', message ?? 'The file is larger than this node accepts.', endpoint, status);
  }
  if (status === 429 || status === 503) {
    const later = retryAfterSeconds === undefined ? '' : ` It asks to try again in ${retryAfterSeconds} s.`;
    return new HostNodeError(
      'busy',
      `${message ?? `The node is busy (HTTP ${status}).`}${later}`,
      endpoint,
      status,
      retryAfterSeconds,
    );
  }
  if (status >= 500) {
    const offline = status === 502 || status === 504;
    return new HostNodeError(
      offline ? 'offline' : 'server-error',
      message ?? (offline ? `The node is unavailable (HTTP ${status}).` : `The node failed (HTTP ${status}).`),
      endpoint,
      status,
    );
  }
  return new HostNodeError('refused', message ?? `The node refused the upload (HTTP ${status}).`, endpoint, status);
}

/** Why a request to `endpoint` got no answer, in words: a browser hides the cause, but an http: endpoint from an
 * https: page is always blocked, which is worth saying. */
function offlineMessage(endpoint: string): string {
  const pageIsHttps = typeof location !== 'undefined' && location.protocol === 'https:';
  if (pageIsHttps && endpoint.startsWith('http:')) {
    return 'The browser blocks this node: its endpoint is http: and this page is https:.';
  }
  return 'The node does not answer (offline, unreachable, or it refuses this site’s origin).';
}

export interface UploadProgress {
  endpoint: string;
  loaded: number;
  /** Bytes of the whole request body, multipart framing included; undefined until the browser knows it. */
  total: number | undefined;
  /** Set while waiting for a busy node: the seconds it asked for before it is asked again. */
  waitingSeconds?: number;
}

export interface UploadOptions {
  /** The root CID the browser computed: the node must arrive at the same one. */
  expectedCid?: string;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/** Uploads to one node. Resolves with the root entry of its answer; rejects with a HostNodeError. */
export function uploadToHostNode(
  endpoint: string,
  entries: readonly UploadEntry[],
  options: UploadOptions = {},
): Promise<AddedEntry> {
  return new Promise<AddedEntry>((resolve, reject) => {
    let url: string;
    try {
      url = addUrl(endpoint);
    } catch (error) {
      reject(error);
      return;
    }
    if (options.signal?.aborted) {
      reject(new HostNodeError('aborted', 'The upload was cancelled.', endpoint));
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    const settle = (fn: () => void) => {
      options.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    xhr.open('POST', url);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) =>
      options.onProgress?.({ endpoint, loaded: event.loaded, total: event.lengthComputable ? event.total : undefined });
    xhr.onerror = () => settle(() => reject(new HostNodeError('offline', offlineMessage(endpoint), endpoint)));
    xhr.onabort = () => settle(() => reject(new HostNodeError('aborted', 'The upload was cancelled.', endpoint)));
    xhr.onload = () =>
      settle(() => {
        if (xhr.status < 200 || xhr.status > 299) {
          // Readable only when the node exposes it to the page (the host node does, Access-Control-Expose-Headers).
          const retryAfter = parseRetryAfter(xhr.getResponseHeader('Retry-After'));
          reject(errorFromStatus(xhr.status, xhr.responseText, endpoint, retryAfter));
          return;
        }
        try {
          const added = parseAddResponse(xhr.responseText, endpoint);
          const root = added[added.length - 1]!;
          if (options.expectedCid !== undefined && root.cid !== options.expectedCid) {
            reject(
              new HostNodeError(
                'cid-mismatch',
                `The node computed CID ${root.cid}, not ${options.expectedCid}: it would not keep the registered file.`,
                endpoint,
              ),
            );
            return;
          }
          resolve(root);
        } catch (error) {
          reject(error);
        }
      });
    options.signal?.addEventListener('abort', onAbort);
    xhr.send(buildAddForm(entries));
  });
}

export interface NodeAttempt {
  endpoint: string;
  error: HostNodeError;
}

export interface MultiNodeUploadOptions extends UploadOptions {
  /** Called when a node failed and the next one is tried, so the page can say so. */
  onNodeFailed?: (attempt: NodeAttempt, next: string) => void;
}

export interface MultiNodeUploadResult {
  endpoint: string;
  root: AddedEntry;
  /** The nodes tried before, each with why it failed. */
  failed: NodeAttempt[];
}

/** Thrown when no node took the upload: every attempt, in order. */
export class AllHostNodesFailedError extends Error {
  override readonly name = 'AllHostNodesFailedError';
  constructor(readonly attempts: NodeAttempt[]) {
    super(
      attempts.length === 0
        ? 'No host node is elected: there is nowhere to upload.'
        : `No host node took the upload. ${attempts.map((a) => `${a.endpoint}: ${a.error.message}`).join(' ')}`,
    );
  }
}

/**
 * Uploads to the first node that takes it, in the order given. One upload suffices: the elected nodes replicate a
 * registered file from each other. A node that is offline, failing, too small or disagreeing on the CID is
 * skipped (and reported through onNodeFailed); a cancel stops at once.
 */
export async function uploadToHostNodes(
  endpoints: readonly string[],
  entries: readonly UploadEntry[],
  options: MultiNodeUploadOptions = {},
): Promise<MultiNodeUploadResult> {
  const failed: NodeAttempt[] = [];
  for (let i = 0; i < endpoints.length; i++) {
    const endpoint = endpoints[i]!;
    for (let retries = 0; ; retries++) {
      try {
        const root = await uploadToHostNode(endpoint, entries, options);
        return { endpoint, root, failed };
      } catch (error) {
        const nodeError =
          error instanceof HostNodeError
            ? error
            : new HostNodeError('bad-answer', error instanceof Error ? error.message : String(error), endpoint);
        if (!worthTryingAnotherNode(nodeError)) throw nodeError;
        // A busy node asked us to come back shortly: wait as it asked (shown in the progress), then ask again.
        const wait = busyRetryWait(nodeError, retries);
        if (wait !== undefined) {
          options.onProgress?.({ endpoint, loaded: 0, total: undefined, waitingSeconds: wait });
          await waitFor(wait * 1000, endpoint, options.signal);
          continue;
        }
        failed.push({ endpoint, error: nodeError });
        const next = endpoints[i + 1];
        if (next !== undefined) options.onNodeFailed?.({ endpoint, error: nodeError }, next);
        break;
      }
    }
  }
  throw new AllHostNodesFailedError(failed);
}

/** Waits `ms`, or rejects as cancelled as soon as `signal` aborts. */
function waitFor(ms: number, endpoint: string, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () => new HostNodeError('aborted', 'The upload was cancelled.', endpoint);
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The order to try nodes in: the ones known to be online first (keeping the chain's order otherwise), so a
 * node already seen offline does not cost the user a failed attempt. */
export function orderEndpointsForUpload(
  endpoints: readonly string[],
  online: ReadonlyMap<string, boolean> = new Map(),
): string[] {
  const rank = (e: string) => (online.get(e) === true ? 0 : online.get(e) === false ? 2 : 1);
  return endpoints
    .map((endpoint, index) => ({ endpoint, index }))
    .sort((a, b) => rank(a.endpoint) - rank(b.endpoint) || a.index - b.index)
    .map((x) => x.endpoint);
}

// ---- health ------------------------------------------------------------------------------------------------

export interface HostNodeHealthReport {
  node: string;
  chainId: number;
  /** The latest block the node has seen. */
  block: number;
  /** The last block whose events the node has processed. */
  checkpoint: number;
  pinned: number;
  storedBytes: number;
  version: string;
  /** The largest upload the node accepts, when it says (optional in the API). */
  maxUploadBytes?: number;
}

export type HostNodeHealth =
  { status: 'online'; report: HostNodeHealthReport; latencyMs: number } | { status: 'offline'; reason: string };

export const HEALTH_TIMEOUT_MS = 5_000;

function numberField(record: Record<string, unknown>, key: string): number | undefined {
  const value = record[key];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The `GET /health` answer checked field by field: a node's answer is untrusted input like any other. */
export function parseHealth(value: unknown): HostNodeHealthReport | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (record.ok !== true || typeof record.node !== 'string') return undefined;
  const chainId = numberField(record, 'chainId');
  const block = numberField(record, 'block');
  const checkpoint = numberField(record, 'checkpoint');
  if (chainId === undefined || block === undefined || checkpoint === undefined) return undefined;
  return {
    node: record.node,
    chainId,
    block,
    checkpoint,
    pinned: numberField(record, 'pinned') ?? 0,
    storedBytes: numberField(record, 'storedBytes') ?? 0,
    version: typeof record.version === 'string' ? record.version : '',
    maxUploadBytes: numberField(record, 'maxUploadBytes'),
  };
}

/** `GET {endpoint}/health`, given up after `timeoutMs`: a node that does not answer in time counts as offline. */
export async function fetchHostNodeHealth(
  endpoint: string,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<HostNodeHealth> {
  let url: string;
  try {
    url = hostNodeUrl(endpoint, '/health');
  } catch (error) {
    return { status: 'offline', reason: (error as Error).message };
  }
  const timeoutMs = options.timeoutMs ?? HEALTH_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort);
  const started = performance.now();
  try {
    const response = await fetch(url, { signal: controller.signal, cache: 'no-store' });
    const text = await response.text();
    if (!response.ok) return { status: 'offline', reason: `The node answered HTTP ${response.status}.` };
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { status: 'offline', reason: 'The node’s health answer is not JSON.' };
    }
    const report = parseHealth(body);
    if (!report) return { status: 'offline', reason: 'The node’s health answer is incomplete or says it is not ok.' };
    return { status: 'online', report, latencyMs: Math.round(performance.now() - started) };
  } catch {
    if (timedOut) {
      const wait = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
      return { status: 'offline', reason: `No answer within ${wait}.` };
    }
    if (options.signal?.aborted) return { status: 'offline', reason: 'The check was cancelled.' };
    return { status: 'offline', reason: offlineMessage(endpoint) };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** Which endpoints answered (true) or did not (false); absent while still being asked. For the upload order. */
export function onlineMap(health: ReadonlyMap<string, HostNodeHealth | undefined>): Map<string, boolean> {
  const map = new Map<string, boolean>();
  for (const [endpoint, h] of health) if (h) map.set(endpoint, h.status === 'online');
  return map;
}

/** The largest upload the online nodes accept, when every online node states its limit; otherwise undefined
 * (a node that states none may take anything). */
export function maxUploadBytes(health: ReadonlyMap<string, HostNodeHealth | undefined>): bigint | undefined {
  let max: bigint | undefined;
  for (const h of health.values()) {
    if (h?.status !== 'online') continue;
    if (h.report.maxUploadBytes === undefined) return undefined;
    const limit = BigInt(Math.floor(h.report.maxUploadBytes));
    if (max === undefined || limit > max) max = limit;
  }
  return max;
}
