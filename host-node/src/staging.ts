// Uploads nobody has registered on chain yet. The browser usually sends the transaction first, but an upload may
// also arrive before its FileUpload event, so content is kept for a grace period (a `staged` pin, so garbage
// collection leaves it alone) and removed after it unless a matching on-chain file turned it into a held pin.
// An upload that never finished has no staged pin at all: its blocks are collected as garbage, and a retry
// simply writes them again.
import { CID } from 'multiformats/cid';
import { HttpError } from './http';
import { describeError, type Log } from './log';
import type { Metrics } from './metrics';
import type { LocalState } from './state';
import type { ContentStore } from './store';

/** Caps on unregistered bytes (staged, plus uploads still arriving): per client address and in total. */
export interface StagedCaps {
  perClient: number;
  total: number;
}

interface Tallied {
  size: number;
  client: string;
  at: number;
}

export class Staging {
  private gcRequested = false;
  /** Staged uploads by CID, in memory for the caps (the records on disk are the truth at start). */
  private readonly tally = new Map<string, Tallied>();
  /** Bytes of uploads still arriving, by client: they count against the caps before they are staged. */
  private readonly arriving = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly state: LocalState,
    private readonly store: ContentStore,
    private readonly graceMs: number,
    private readonly metrics: Metrics,
    private readonly log: Log,
    private readonly caps: StagedCaps = { perClient: Number.MAX_SAFE_INTEGER, total: Number.MAX_SAFE_INTEGER },
  ) {}

  /** Keeps a finished upload for the grace period. Call inside the store's write lock, right after the import. */
  async stage(cid: CID, size: bigint, client = 'unknown'): Promise<void> {
    if (await this.store.isPinned(cid, 'held')) return;
    const at = Date.now();
    // The record first: a crash before the pin leaves a record the sweep cleans, never a pin nobody sweeps.
    await this.state.addStaged({ cid: cid.toString(), size, at, client });
    this.tally.set(cid.toString(), { size: Number(size), client, at });
    await this.store.pin(cid, 'staged');
  }

  /** The content became a held file: it no longer needs the grace period. */
  async release(cid: CID): Promise<void> {
    await this.store.unpin(cid, 'staged');
    await this.state.removeStaged(cid.toString());
    this.tally.delete(cid.toString());
  }

  /** Unregistered bytes (staged and arriving) of one client, or of everyone. */
  stagedBytes(client?: string): number {
    let total = 0;
    for (const entry of this.tally.values()) if (client === undefined || entry.client === client) total += entry.size;
    for (const [who, bytes] of this.arriving) if (client === undefined || who === client) total += bytes;
    return total;
  }

  /**
   * Counts `bytes` more of an upload arriving from `client`, or refuses them when they would take the client's or
   * the node's unregistered bytes past their cap. `unreserve` gives them back once the upload is staged or dropped.
   */
  reserve(client: string, bytes: number): void {
    const mine = this.stagedBytes(client);
    if (mine + bytes > this.caps.perClient) {
      throw new HttpError(
        429,
        `Your address has ${mine} bytes of uploads here that are not registered on chain, and this node keeps at most ` +
          `${this.caps.perClient} bytes of them a client: register your earlier uploads, or wait until they are ` +
          'removed, then send this one again.',
        { 'Retry-After': String(this.secondsUntilRelease(client)) },
      );
    }
    const all = this.stagedBytes();
    if (all + bytes > this.caps.total) {
      throw new HttpError(
        503,
        `This node already keeps ${all} bytes of uploads not registered on chain, its limit is ${this.caps.total} ` +
          'bytes: try again later, or another node.',
        { 'Retry-After': String(this.secondsUntilRelease()) },
      );
    }
    this.arriving.set(client, (this.arriving.get(client) ?? 0) + bytes);
  }

  unreserve(client: string, bytes: number): void {
    const left = (this.arriving.get(client) ?? 0) - bytes;
    if (left > 0) this.arriving.set(client, left);
    else this.arriving.delete(client);
  }

  /** Seconds until the oldest staged upload (of `client`, or of anyone) leaves the grace period; at least 1. */
  private secondsUntilRelease(client?: string): number {
    let oldest = Number.POSITIVE_INFINITY;
    for (const entry of this.tally.values()) {
      if (client === undefined || entry.client === client) oldest = Math.min(oldest, entry.at);
    }
    if (!Number.isFinite(oldest)) return 1;
    return Math.max(1, Math.ceil((oldest + this.graceMs - Date.now()) / 1000));
  }

  /** Removes staged pins that lost their record (a crash between the two writes), and tallies the others. */
  async reconcile(): Promise<void> {
    const staged = await this.state.staged();
    for (const upload of staged) {
      this.tally.set(upload.cid, { size: Number(upload.size), client: upload.client ?? 'unknown', at: upload.at });
    }
    const recorded = new Set(staged.map((s) => s.cid));
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
