// Follows the CallistoFS contract's FileUpload, FileWithdrawn and FileExpired events from the checkpoint on disk and
// hands them to the replicator in chain order. The reads go through the app's history engine (lib/history): adaptive
// block ranges (halved when the provider refuses or times out, widened again after successes, up to
// HOST_NODE_MAX_BLOCK_RANGE) delivered chunk by chunk in chain order. The checkpoint is this node's store: it moves
// only after every event up to it is recorded, so a restart (or a crash) resumes exactly there and never skips an
// event; handling an event twice is harmless.
import { AdaptiveRange } from '@callisto-hub/history/ranges';
import { readLogs } from '@callisto-hub/history/reader';
import { HistoryScanCancelled, rpcErrorMessage } from '@callisto-hub/history/rpcError';
import { FILE_EVENT_TOPICS, type FileSystemChain } from './chain';
import type { CheckpointFile } from './checkpoint';
import type { Log } from './log';
import type { Metrics } from './metrics';
import type { Replicator } from './replicator';

export interface WatcherOptions {
  chain: FileSystemChain;
  checkpointFile: CheckpointFile;
  replicator: Replicator;
  metrics: Metrics;
  log: Log;
  pollMs: number;
  maxBlockRange: number;
  confirmationBlocks: number;
  /** Where to start without a checkpoint; the deployment block, else 0. */
  startBlock?: bigint;
}

export class Watcher {
  /** The next block to scan. */
  private next = 0n;
  private readonly range: AdaptiveRange;
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  /** The head as last seen, for /health and the lag metric. */
  latestBlock: bigint | undefined;
  /** When the chain last answered (ms since the epoch). */
  lastContactAt = 0;

  constructor(private readonly options: WatcherOptions) {
    const widest = BigInt(options.maxBlockRange);
    this.range = new AdaptiveRange({ initial: widest, max: widest });
  }

  /** The last block whose events are all handled (-1 before the first). */
  get checkpoint(): bigint {
    return this.next - 1n;
  }

  async init(): Promise<void> {
    const { chain, checkpointFile, log } = this.options;
    this.lastContactAt = Date.now();
    const stored = await checkpointFile.read(chain.chainId, chain.address);
    if (stored) {
      this.next = stored.block + 1n;
    } else {
      this.next = this.options.startBlock ?? chain.deploymentBlock ?? 0n;
      log(`no checkpoint for CallistoFS ${chain.address} on chain ${chain.chainId}: scanning from block ${this.next}`);
    }
  }

  start(): void {
    const schedule = (delay: number) => {
      this.timer = setTimeout(() => {
        this.running = this.poll().finally(() => {
          this.running = undefined;
          if (!this.stopped) schedule(this.options.pollMs);
        });
      }, delay);
    };
    schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    clearTimeout(this.timer);
    await this.running;
  }

  /** Handles every new event up to the head (less the confirmation blocks). */
  async poll(): Promise<void> {
    const { chain, checkpointFile, log } = this.options;
    try {
      const head = await chain.blockNumber();
      this.latestBlock = head;
      this.lastContactAt = Date.now();
      const target = head - BigInt(this.options.confirmationBlocks);
      if (this.stopped || this.next > target) return;
      await readLogs({
        client: chain.historyClient,
        address: chain.address,
        topic0s: FILE_EVENT_TOPICS,
        from: this.next,
        to: target,
        range: this.range,
        // Chunks are handled one after another anyway; two requests in flight hide the round trip.
        concurrency: 2,
        timeoutMs: 30_000,
        signal: this.abort.signal,
        onRequest: (chunk, outcome) => {
          if (outcome === 'refused')
            log(`reading events ${chunk.from}-${chunk.to} was refused; now ${this.range.size} blocks a request`);
        },
        onChunk: async (chunk, logs) => {
          for (const event of chain.decodeEvents(logs)) {
            if (event.kind === 'upload') {
              await this.options.replicator.add({ id: event.id, cid: event.cid, size: event.size });
            } else {
              // Withdrawn or expired: either way no deposit asks this node to keep the file.
              await this.options.replicator.withdraw(event.id);
            }
            this.options.metrics.eventsTotal++;
          }
          await checkpointFile.write({ chainId: chain.chainId, fileSystem: chain.address, block: chunk.to });
          this.next = chunk.to + 1n;
          this.lastContactAt = Date.now();
        },
      });
    } catch (error) {
      if (error instanceof HistoryScanCancelled) return;
      log(`watching the chain failed: ${rpcErrorMessage(error)}; retrying`);
    }
  }
}
