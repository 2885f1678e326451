// Follows the CallistoFS contract's FileUpload, FileWithdrawn and FileExpired events from the checkpoint on disk, a bounded block
// range per request, and hands them to the replicator in chain order. The checkpoint moves only after every event
// up to it is recorded, so a restart (or a crash) resumes exactly there and never skips an event; handling an
// event twice is harmless.
import type { FileSystemChain } from './chain';
import type { CheckpointFile } from './checkpoint';
import { describeError, type Log } from './log';
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
  private range: bigint;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  /** The head as last seen, for /health and the lag metric. */
  latestBlock: bigint | undefined;
  /** When the chain last answered (ms since the epoch). */
  lastContactAt = 0;

  constructor(private readonly options: WatcherOptions) {
    this.range = BigInt(options.maxBlockRange);
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
      while (!this.stopped && this.next <= target) {
        const to = this.next + this.range - 1n < target ? this.next + this.range - 1n : target;
        let events;
        try {
          events = await chain.events(this.next, to);
        } catch (error) {
          // Providers cap the blocks or results of one eth_getLogs: ask for less and try again.
          if (this.range > 1n) {
            this.range = this.range / 2n;
            log(
              `reading events ${this.next}-${to} failed (${describeError(error)}); now ${this.range} blocks a request`,
            );
            continue;
          }
          throw error;
        }
        for (const event of events) {
          if (event.kind === 'upload') {
            await this.options.replicator.add({ id: event.id, cid: event.cid, size: event.size });
          } else {
            // Withdrawn or expired: either way no deposit asks this node to keep the file.
            await this.options.replicator.withdraw(event.id);
          }
          this.options.metrics.eventsTotal++;
        }
        await checkpointFile.write({ chainId: chain.chainId, fileSystem: chain.address, block: to });
        this.next = to + 1n;
      }
    } catch (error) {
      log(`watching the chain failed: ${describeError(error)}; retrying`);
    }
  }
}
