// The adaptive span of one eth_getLogs. Starts wide; a refusal or timeout halves it (or jumps to the limit the RPC
// named); successes widen it again, by doubling while nothing was refused and by bisecting between the largest
// span that worked and the smallest that was refused once something was, so it settles just under the RPC's real
// limit in a few requests and a scan costs about (blocks / limit) requests. Until a span has worked, requests go
// one at a time, and a wider span is tried by one request while the others keep to the span that worked, so a
// probe costs at most one refusal. A refused span is forgotten after a run of successes (twice as long each time it
// proves right again), because limits on the result count depend on how dense the events are, not on the span
// alone; a limit the RPC named is never exceeded. Pure logic, no I/O.

export interface RangePolicy {
  /** The first span tried. */
  initial: bigint;
  /** Never ask for more than this. */
  max: bigint;
  /** Successes in a row before the span grows. */
  growAfter: number;
  /** Successes in a row after which a refused span is first forgotten. */
  forgetRefusalAfter: number;
}

export const DEFAULT_RANGE_POLICY: RangePolicy = {
  initial: 100_000n,
  max: 1_000_000n,
  growAfter: 2,
  forgetRefusalAfter: 64,
};

/** What is worth remembering of a range across visits. */
export interface RangeMemory {
  size: bigint;
  refused?: bigint;
  named?: bigint;
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

/** The span to use next; one per RPC endpoint and chain, shared by every scan so they learn together. */
export class AdaptiveRange {
  private readonly policy: RangePolicy;
  private current: bigint;
  /** The smallest span refused since it was last forgotten. */
  private refusedSpan: bigint | undefined;
  /** The limit the RPC named in a refusal: never exceeded. */
  private namedLimit: bigint | undefined;
  /** The largest span that worked (below the refused one). */
  private workedSpan: bigint | undefined;
  /** A span above `workedSpan` being tried by one request. */
  private probe: bigint | undefined;
  private streak = 0;
  private sinceRefusal = 0;
  private forgetAfter: number;
  /** The refused span last forgotten, until a success past it or a refusal proves it wrong or right. */
  private forgottenSpan: bigint | undefined;
  private oneBlockRefused = false;
  /** Told whenever the size or the refused span changes (to remember it across visits). */
  onChange: ((memory: RangeMemory) => void) | undefined;

  constructor(policy: Partial<RangePolicy> = {}, memory?: RangeMemory) {
    this.policy = { ...DEFAULT_RANGE_POLICY, ...policy };
    this.forgetAfter = this.policy.forgetRefusalAfter;
    this.namedLimit = memory?.named;
    this.current = this.clamp(memory?.size ?? this.policy.initial);
    this.refusedSpan = memory?.refused;
    // A remembered size worked last time; trust it enough to send requests side by side.
    if (memory) this.workedSpan = this.current;
  }

  /** The span the next request would get if it were the only one. */
  get size(): bigint {
    return this.current;
  }

  /** The widest span known to work (the current one before anything was refused). */
  get settled(): bigint {
    return this.workedSpan ?? this.current;
  }

  /** The smallest span refused and not yet forgotten. */
  get smallestRefused(): bigint | undefined {
    return this.refusedSpan;
  }

  /** True when a one-block span was refused: nothing smaller can be tried, the error is final. */
  get exhausted(): boolean {
    return this.oneBlockRefused;
  }

  /** Whether another request may start while `inFlight` are running: one at a time until a span has worked. */
  mayStart(inFlight: number): boolean {
    return inFlight === 0 || this.workedSpan !== undefined;
  }

  /** The span for a request about to start (marks a probe of a wider span as in flight). */
  nextSpan(): bigint {
    if (this.workedSpan === undefined || this.current <= this.workedSpan) return this.current;
    if (this.probe !== undefined) return this.workedSpan;
    this.probe = this.current;
    return this.current;
  }

  /** A request given `requested` blocks by nextSpan ended without telling anything about its span (it failed for
   * another reason, or was cancelled): another request may probe. */
  release(requested: bigint): void {
    if (requested === this.probe) this.probe = undefined;
  }

  /** A request of `span` blocks succeeded; `requested` is what nextSpan gave it (a chunk at the end of a read is
   * shorter). */
  succeeded(span: bigint, requested = span): void {
    this.oneBlockRefused = false;
    if (requested === this.probe) this.probe = undefined;
    // A short tail chunk says nothing about the spans in use.
    if (span < min(this.current, this.workedSpan ?? this.current)) return;
    if (this.refusedSpan === undefined || span < this.refusedSpan) {
      this.workedSpan = this.workedSpan === undefined ? span : max(this.workedSpan, span);
    }
    this.streak++;
    this.sinceRefusal++;
    if (this.forgottenSpan !== undefined && span >= this.forgottenSpan) this.forgottenSpan = undefined;
    if (this.refusedSpan !== undefined && this.sinceRefusal >= this.forgetAfter) {
      this.forgottenSpan = this.refusedSpan;
      this.refusedSpan = undefined;
      this.sinceRefusal = 0;
    }
    if (this.streak < this.policy.growAfter || this.probe !== undefined) return;
    this.streak = 0;
    let next: bigint;
    if (this.refusedSpan === undefined) {
      next = this.current * 2n;
    } else {
      // Close enough to the refused span (within 1/64): stay, rather than spend a refusal on a few blocks.
      const gap = this.refusedSpan - this.current;
      if (gap <= max(this.current / 64n, 1n)) return;
      next = this.current + gap / 2n;
    }
    this.set(this.clamp(next));
  }

  /** A request of `span` blocks was refused (or timed out); `namedLimit` is the limit the RPC stated, if any. */
  refused(span: bigint, namedLimit?: bigint, requested = span): void {
    if (requested === this.probe) this.probe = undefined;
    this.streak = 0;
    this.sinceRefusal = 0;
    let forgotten: bigint | undefined;
    if (this.forgottenSpan !== undefined) {
      // The forgotten limit was right: remember it twice as long next time, and bisect below it again.
      this.forgetAfter *= 2;
      forgotten = this.forgottenSpan;
      this.forgottenSpan = undefined;
    }
    if (span <= 1n) {
      this.oneBlockRefused = true;
      this.set(1n);
      return;
    }
    this.refusedSpan = this.refusedSpan === undefined ? span : min(this.refusedSpan, span);
    if (forgotten !== undefined) this.refusedSpan = min(this.refusedSpan, forgotten);
    // What worked before may not work now (result-count limits follow the density of events).
    if (this.workedSpan !== undefined && this.workedSpan >= span) this.workedSpan = undefined;
    let next: bigint;
    if (namedLimit !== undefined && namedLimit > 0n && namedLimit < span) {
      this.namedLimit = this.namedLimit === undefined ? namedLimit : min(this.namedLimit, namedLimit);
      this.refusedSpan = min(this.refusedSpan, namedLimit + 1n);
      next = namedLimit;
    } else {
      next = max(span / 2n, this.workedSpan ?? 1n);
    }
    // Several requests of the old size may be refused together: each only brings the size down to half of its own.
    this.set(min(this.current, next));
  }

  private clamp(size: bigint): bigint {
    const ceiling = this.namedLimit !== undefined ? min(this.policy.max, this.namedLimit) : this.policy.max;
    return size < 1n ? 1n : size > ceiling ? ceiling : size;
  }

  private set(size: bigint): void {
    this.current = size;
    this.onChange?.({
      size,
      ...(this.refusedSpan !== undefined ? { refused: this.refusedSpan } : {}),
      ...(this.namedLimit !== undefined ? { named: this.namedLimit } : {}),
    });
  }
}
