// Turns on-chain files into held content. For each FileUpload the node has not confirmed: while the deposit is
// held and the upload has not expired, get the DAG (already here from an upload, or fetched from the other elected
// nodes), check that the CID's content has exactly the registered size, pin it and send confirm(id): that
// confirmation is what makes the file's size count on chain. While no peer has the content yet, retry with a
// growing delay; once the upload's window ends unconfirmed (a CID nobody has, a size that does not match), release
// its space on chain and drop it. On FileWithdrawn or FileExpired: forget the file, and unpin its CID once no other
// held file uses it.
import { CID } from 'multiformats/cid';
import type { FileSystemChain } from './chain';
import { inspectDag, UnsupportedDagError } from './dag';
import { fetchDag } from './fetcher';
import { describeError, type Log } from './log';
import type { Metrics } from './metrics';
import type { Staging } from './staging';
import type { LocalState, PendingFile } from './state';
import type { ContentStore } from './store';

interface Job {
  file: PendingFile;
  attempt: number;
  nextAt: number;
}

/** 'wait-for-expiry': refused here, checked again at the longest retry delay until its window ends. */
type Outcome = 'done' | 'retry' | 'dropped' | 'wait-for-expiry';

export interface ReplicatorOptions {
  chain: FileSystemChain;
  store: ContentStore;
  state: LocalState;
  staging: Staging;
  metrics: Metrics;
  log: Log;
  /** Base of the retry delay; the delay doubles per attempt up to 32 times this (1 s to 5 min). */
  pollMs: number;
  /** Files fetched and pinned at once (each may fetch a large DAG). */
  concurrency?: number;
}

/** Files in progress at once. Only `concurrency` of them fetch and pin at a time; the others wait there or for their
 * confirmation, so that confirmations gather into batches (chain.ts) instead of one transaction a file. */
const MAX_JOBS_IN_FLIGHT = 64;

/** At most `permits` holders of the section at a time; the others queue in order. */
export class Semaphore {
  private readonly queue: (() => void)[] = [];
  constructor(private permits: number) {}

  async run<T>(section: () => Promise<T>): Promise<T> {
    if (this.permits > 0) this.permits--;
    else await new Promise<void>((resolve) => this.queue.push(resolve));
    try {
      return await section();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.permits++;
    }
  }
}

export class Replicator {
  private readonly jobs = new Map<bigint, Job>();
  /** Files refused here (content that does not match the chain): kept only to release their space once their window
   * ends, since no node will confirm them. */
  private readonly refused = new Set<bigint>();
  /** Files whose "no peer holds it yet" was noted once: later retries of the same wait stay quiet. */
  private readonly notedWaiting = new Set<bigint>();
  private readonly running = new Map<bigint, Promise<void>>();
  private readonly stopController = new AbortController();
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private readonly maxDelay: number;
  private readonly fetchAndPin: Semaphore;

  constructor(private readonly options: ReplicatorOptions) {
    this.maxDelay = Math.min(300_000, Math.max(1000, options.pollMs * 32));
    this.fetchAndPin = new Semaphore(options.concurrency ?? 2);
  }

  get pendingCount(): number {
    return this.jobs.size;
  }

  /** Whether a file with this CID is registered on chain and waiting here to be pinned (not one refused here). */
  isRegistered(cid: string): boolean {
    for (const job of this.jobs.values()) if (job.file.cid === cid && !this.refused.has(job.file.id)) return true;
    return false;
  }

  /** Resumes the files a previous run had not finished, and drops held pins that no file needs any more. */
  async load(): Promise<void> {
    const pending = await this.options.state.pending();
    for (const file of pending) this.jobs.set(file.id, { file, attempt: 0, nextAt: 0 });
    // A stop between pinning a file and recording it as held, then its withdrawal, leaves such a pin behind.
    const wanted = new Set(pending.map((file) => file.cid));
    for (const cid of await this.options.store.pins('held')) {
      const text = cid.toString();
      if (wanted.has(text) || (await this.options.state.heldReferences(text)) > 0) continue;
      await this.options.store.unpin(cid, 'held');
      this.options.staging.requestGc();
      this.options.log(`unpinned ${text}: no held or pending file refers to it`);
    }
  }

  /** A FileUpload event. Recorded before the checkpoint moves past it, so a restart never loses it. */
  async add(file: PendingFile): Promise<void> {
    if (await this.options.state.isHeld(file.id)) return;
    await this.options.state.addPending(file);
    if (!this.jobs.has(file.id)) this.jobs.set(file.id, { file, attempt: 0, nextAt: 0 });
    this.kick();
  }

  /** An upload of `cid` just finished here: files waiting for it need not wait for their next retry. */
  nudge(cid: string): void {
    for (const job of this.jobs.values()) {
      if (job.file.cid === cid) {
        job.attempt = 0;
        job.nextAt = 0;
      }
    }
    this.kick();
  }

  /** A FileWithdrawn event: stop replicating the file, and release its content when no held file needs it. */
  async withdraw(id: bigint): Promise<void> {
    this.refused.delete(id);
    this.jobs.delete(id);
    await this.running.get(id);
    this.jobs.delete(id);
    await this.options.state.removePending(id);
    const cid = await this.options.state.removeHeld(id);
    if (cid !== undefined) await this.releaseIfUnused(cid, id);
  }

  private async releaseIfUnused(cid: string, id: bigint): Promise<void> {
    if ((await this.options.state.heldReferences(cid)) > 0) return;
    await this.options.store.unpin(CID.parse(cid), 'held');
    this.options.staging.requestGc();
    this.options.log(`file ${id} withdrawn: unpinned ${cid}`);
  }

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopController.abort(new Error('the host node is stopping'));
    this.kick();
    await this.loop;
    await Promise.allSettled(this.running.values());
  }

  private kick(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private async run(): Promise<void> {
    const signal = this.stopController.signal;
    while (!signal.aborted) {
      const now = Date.now();
      for (const job of this.jobs.values()) {
        if (this.running.size >= MAX_JOBS_IN_FLIGHT) break;
        if (job.nextAt > now || this.running.has(job.file.id)) continue;
        const id = job.file.id;
        const task = this.runJob(job).finally(() => {
          this.running.delete(id);
          this.kick();
        });
        this.running.set(id, task);
      }
      const due = [...this.jobs.values()].filter((j) => !this.running.has(j.file.id)).map((j) => j.nextAt);
      const delay = due.length > 0 ? Math.max(0, Math.min(...due) - Date.now()) : 60_000;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async runJob(job: Job): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = await this.process(job.file);
    } catch (error) {
      if (this.stopController.signal.aborted) return;
      this.options.log(`file ${job.file.id} (${job.file.cid}): ${describeError(error)}; will retry`);
      outcome = 'retry';
    }
    if (this.jobs.get(job.file.id) !== job) return; // withdrawn meanwhile
    if (outcome === 'retry') {
      job.attempt++;
      job.nextAt = Date.now() + Math.min(this.maxDelay, this.options.pollMs * 2 ** Math.min(job.attempt, 20));
      return;
    }
    if (outcome === 'wait-for-expiry') {
      job.nextAt = Date.now() + this.maxDelay;
      return;
    }
    this.jobs.delete(job.file.id);
    this.notedWaiting.delete(job.file.id);
    await this.options.state.removePending(job.file.id);
  }

  private async process(file: PendingFile): Promise<Outcome> {
    const { chain, store, staging, metrics, log } = this.options;
    const signal = this.stopController.signal;
    const onChain = await chain.file(file.id);
    if (onChain.withdrawn) {
      this.refused.delete(file.id);
      return 'dropped';
    }
    if (onChain.expired) {
      this.refused.delete(file.id);
      if (onChain.awaitingRelease) {
        await chain.releaseExpired(file.id);
        log(`file ${file.id}: no node confirmed ${file.cid} in time; released its space on chain`);
      }
      return 'dropped';
    }
    // Refused here; another node may still confirm it, or its window ends and this node releases its space.
    if (this.refused.has(file.id)) {
      if (!onChain.counted) return 'wait-for-expiry';
      this.refused.delete(file.id);
      return 'dropped';
    }
    let cid: CID;
    try {
      cid = CID.parse(file.cid);
    } catch {
      metrics.refusedTotal++;
      log(`refusing file ${file.id}: "${file.cid}" is not a CID`);
      this.refused.add(file.id);
      return 'wait-for-expiry';
    }

    const verdict = await this.fetchAndPin
      .run(() =>
        store.lock.shared(async (): Promise<Outcome | 'pinned'> => {
          let inspection = await inspectDag(store.blocks, cid, { signal });
          if (!inspection.complete) {
            const peers = (await chain.electedNodes())
              .filter((n) => n.node.toLowerCase() !== chain.node.toLowerCase())
              .map((n) => n.endpoint.replace(/\/+$/, ''));
            const { from, stored, notHeldBy } = await fetchDag(cid, shuffle(peers), store.blocks, {
              signal,
              maxBytes: file.size + file.size / 16n + 1024n * 1024n,
              idleTimeoutMs: 30_000,
              log,
            });
            if (from === undefined) {
              // Peers that do not hold it yet are the normal race of a fresh upload: one note a file, then quiet
              // retries (real failures were logged by the fetcher).
              if (notHeldBy > 0 && !this.notedWaiting.has(file.id)) {
                this.notedWaiting.add(file.id);
                log(`file ${file.id}: waiting for a peer to hold ${cid} (not there yet); retrying quietly`);
              }
              // A partial copy is pinned by nothing: collect it rather than keep half a file.
              if (stored > 0) staging.requestGc();
              return 'retry';
            }
            inspection = await inspectDag(store.blocks, cid, { signal });
            this.notedWaiting.delete(file.id);
            metrics.replicatedTotal++;
            log(`file ${file.id}: fetched ${cid} from ${from}`);
          }
          if (inspection.contentBytes !== file.size) {
            metrics.refusedTotal++;
            log(
              `refusing file ${file.id}: ${cid} holds ${inspection.contentBytes} content bytes, the chain says ${file.size}`,
            );
            this.refused.add(file.id);
            return 'wait-for-expiry';
          }
          await store.pin(cid, 'held');
          return 'pinned';
        }),
      )
      .catch((error: unknown) => {
        if (error instanceof UnsupportedDagError) {
          metrics.refusedTotal++;
          log(`refusing file ${file.id}: ${error.message}`);
          this.refused.add(file.id);
          return 'wait-for-expiry' as const;
        }
        throw error;
      });
    if (verdict !== 'pinned') return verdict;

    await staging.release(cid);
    const outcome = (await chain.confirmedBy(file.id)) ? 'already-confirmed' : await chain.confirm(file.id);
    if (outcome === 'withdrawn' || outcome === 'expired') {
      if ((await this.options.state.heldReferences(file.cid)) === 0) await store.unpin(cid, 'held');
      staging.requestGc();
      return 'dropped';
    }
    // Held whether or not this node may confirm: it stores the file either way.
    await this.options.state.addHeld(file.id, file.cid);
    if (outcome === 'not-elected') {
      log(`file ${file.id}: pinned ${cid}, but this node is not elected, so it cannot confirm yet`);
      return 'retry';
    }
    if (outcome === 'confirmed') {
      metrics.confirmationsTotal++;
      log(`file ${file.id}: pinned ${cid} (${file.size} bytes) and confirmed on chain`);
    }
    return 'done';
  }
}

function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
