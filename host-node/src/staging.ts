// Uploads nobody has registered on chain yet. The browser usually sends the transaction first, but an upload may
// also arrive before its FileUpload event, so content is kept for a grace period (a `staged` pin, so garbage
// collection leaves it alone) and removed after it unless a matching on-chain file turned it into a held pin.
// An upload that never finished has no staged pin at all: its blocks are collected as garbage, and a retry
// simply writes them again.
import { CID } from 'multiformats/cid';
import { describeError, type Log } from './log';
import type { Metrics } from './metrics';
import type { LocalState } from './state';
import type { ContentStore } from './store';

export class Staging {
  private gcRequested = false;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly state: LocalState,
    private readonly store: ContentStore,
    private readonly graceMs: number,
    private readonly metrics: Metrics,
    private readonly log: Log,
  ) {}

  /** Keeps a finished upload for the grace period. Call inside the store's write lock, right after the import. */
  async stage(cid: CID, size: bigint): Promise<void> {
    if (await this.store.isPinned(cid, 'held')) return;
    // The record first: a crash before the pin leaves a record the sweep cleans, never a pin nobody sweeps.
    await this.state.addStaged({ cid: cid.toString(), size, at: Date.now() });
    await this.store.pin(cid, 'staged');
  }

  /** The content became a held file: it no longer needs the grace period. */
  async release(cid: CID): Promise<void> {
    await this.store.unpin(cid, 'staged');
    await this.state.removeStaged(cid.toString());
  }

  /** Removes staged pins that lost their record (a crash between the two writes). */
  async reconcile(): Promise<void> {
    const recorded = new Set((await this.state.staged()).map((s) => s.cid));
    for (const cid of await this.store.pins('staged')) {
      if (!recorded.has(cid.toString())) {
        await this.store.unpin(cid, 'staged');
        this.gcRequested = true;
      }
    }
  }

  /** Ends the grace period of expired uploads; returns how many. */
  async sweep(now = Date.now()): Promise<number> {
    let expired = 0;
    for (const upload of await this.state.staged()) {
      if (upload.at + this.graceMs > now) continue;
      const cid = CID.parse(upload.cid);
      await this.release(cid);
      expired++;
      if (!(await this.store.isPinned(cid, 'held'))) {
        this.metrics.expiredUploadsTotal++;
        this.log(
          `removing unregistered upload ${upload.cid} (${upload.size} bytes): no file on chain within the grace period`,
        );
      }
    }
    if (expired > 0) this.gcRequested = true;
    return expired;
  }

  /** Asks for a garbage collection at the next maintenance tick (an unpin, an aborted upload or fetch). */
  requestGc(): void {
    this.gcRequested = true;
  }

  /** Sweeps and collects garbage now and then every `intervalMs` until stop(). */
  start(intervalMs: number): void {
    const tick = async () => {
      try {
        await this.sweep();
        if (this.gcRequested) {
          this.gcRequested = false;
          const { removedBlocks, removedBytes } = await this.store.gc();
          if (removedBlocks > 0) this.log(`garbage collection removed ${removedBlocks} blocks (${removedBytes} bytes)`);
        }
      } catch (error) {
        this.log(`maintenance failed: ${describeError(error)}`);
      }
    };
    const schedule = (delay: number) => {
      this.timer = setTimeout(() => {
        this.running = tick().finally(() => {
          this.running = undefined;
          if (this.timer !== undefined) schedule(intervalMs);
        });
      }, delay);
    };
    // The first tick at once: a collection requested at start-up (the remains of a crash) should not wait.
    schedule(0);
  }

  async stop(): Promise<void> {
    const timer = this.timer;
    this.timer = undefined;
    clearTimeout(timer);
    await this.running;
  }
}
