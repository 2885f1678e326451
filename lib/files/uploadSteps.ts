// The two long steps of the upload flow, hashing and sending, as functions that report what happens as events of
// the flow's reducer (lib/files/uploadFlow.ts). The card starts them and dispatches what they report; each carries
// the id of its pick or send, so the reducer drops what an older one says.
import {
  AllHostNodesFailedError,
  HostNodeError,
  uploadToHostNodes,
  type MultiNodeUploadResult,
} from './hostNodeClient';
import { blobChunks, PickCancelledError, type PickedUpload } from './picking';
import type { UploadFlowEvent } from './uploadFlow';

/** Progress callbacks arrive once a chunk; React needs a fresh figure only a few times a second. */
export const PROGRESS_EVERY_MS = 100;

/** Computes the picked upload's CID in the browser, as `ipfs add --cid-version 1` would; stops reading once
 * `isCancelled()` (another pick replaced it). */
export async function hashPicked(
  pickId: number,
  picked: PickedUpload,
  isCancelled: () => boolean,
  report: (event: UploadFlowEvent) => void,
): Promise<void> {
  try {
    // Loaded on first use: the UnixFS importer is not part of the page's first load.
    const { computeCid } = await import('@callisto-hub/unixfs');
    let last = 0;
    const result = await computeCid(
      picked.entries.map((entry) => ({ path: entry.path, content: () => blobChunks(entry.file, isCancelled) })),
      (hashed) => {
        const now = performance.now();
        if (now - last < PROGRESS_EVERY_MS || isCancelled()) return;
        last = now;
        report({ type: 'hashProgress', pickId, hashed });
      },
    );
    if (!isCancelled()) report({ type: 'hashed', pickId, cid: result.cid, size: result.size });
  } catch (error) {
    if (isCancelled() || error instanceof PickCancelledError) return;
    report({
      type: 'hashFailed',
      pickId,
      message: `The CID could not be computed: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

/** What sends the bytes: the host node client in the app; the same signature lets a test stand in for a node. */
export type SendToNodes = typeof uploadToHostNodes;

/**
 * Sends the registered upload to the nodes in `endpoints` order until one takes it (a node that fails is reported
 * and the next one tried); a cancel through `signal` stops at once.
 */
export async function sendPicked(
  sendId: number,
  endpoints: readonly string[],
  picked: PickedUpload,
  cid: string,
  signal: AbortSignal,
  report: (event: UploadFlowEvent) => void,
  send: SendToNodes = uploadToHostNodes,
): Promise<MultiNodeUploadResult | undefined> {
  report({ type: 'send', sendId, endpoints });
  if (endpoints.length === 0) return undefined;
  let last = 0;
  try {
    const result = await send(endpoints, picked.entries, {
      expectedCid: cid,
      signal,
      onProgress: (progress) => {
        const now = performance.now();
        // A busy node's wait is always shown: it is the reason nothing moves.
        const waiting = progress.waitingSeconds !== undefined;
        if (!waiting && now - last < PROGRESS_EVERY_MS && progress.loaded !== progress.total) return;
        last = now;
        report({ type: 'sendProgress', sendId, progress });
      },
      onNodeFailed: (attempt, next) =>
        report({ type: 'nodeFailed', sendId, endpoint: attempt.endpoint, message: attempt.error.message, next }),
    });
    report({ type: 'sent', sendId, endpoint: result.endpoint });
    return result;
  } catch (error) {
    if (error instanceof HostNodeError && error.kind === 'aborted') report({ type: 'cancelled', sendId });
    else if (error instanceof AllHostNodesFailedError) {
      report({
        type: 'allNodesFailed',
        sendId,
        attempts: error.attempts.map((a) => ({ endpoint: a.endpoint, message: a.error.message })),
      });
    } else report({ type: 'sendFailed', sendId, message: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}
