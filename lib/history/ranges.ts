// The adaptive span of one eth_getLogs. Starts wide; a refusal or timeout halves it (or jumps to the limit the RPC
// named); successes widen it again, by doubling while nothing was refused and by bisecting towards the smallest
// refused span once something was, so it settles just under the RPC's real limit in a few requests and a scan
// costs about (blocks / limit) requests. A refused span is forgotten after a long run of successes, because
// limits on the result count depend on how dense the events are, not on the span alone. Pure logic, no I/O.

export interface RangePolicy {
  /** The first span tried (default 100,000 blocks). */
  initial: bigint;
  /** Never ask for more than this (default 1,000,000). */
  max: bigint;
  /** Successes in a row before the span grows (default 2). */
  growAfter: number;
  /** Successes in a row after which a refused span is forgotten (default 32). */
  forgetRefusalAfter: number;
}

export declare const DEFAULT_RANGE_POLICY: RangePolicy;

/** The span to use next; one per RPC endpoint and chain, shared by every scan so they learn together. */
export declare class AdaptiveRange {
  constructor(policy?: Partial<RangePolicy>, start?: bigint);
  /** The span for the next request. */
  get size(): bigint;
  /** A request of `span` blocks succeeded. */
  succeeded(span: bigint): void;
  /** A request of `span` blocks was refused (or timed out); `namedLimit` is the limit the RPC stated, if any. */
  refused(span: bigint, namedLimit?: bigint): void;
  /** True when a span of 1 block was refused: nothing smaller can be tried, the error is final. */
  get exhausted(): boolean;
}
