// The span logic alone, driven by a simulated RPC limit: how many requests a scan costs and where it settles.
import { describe, expect, it } from 'vitest';
import { AdaptiveRange } from './ranges';

/** Reads `blocks` blocks one request at a time against an RPC that refuses spans over `limit`. */
function simulate(range: AdaptiveRange, blocks: bigint, limit: (span: bigint) => boolean) {
  let cursor = 0n;
  let requests = 0;
  let refusals = 0;
  while (cursor < blocks) {
    const requested = range.nextSpan();
    const span = cursor + requested > blocks ? blocks - cursor : requested;
    requests++;
    if (limit(span)) {
      range.succeeded(span, requested);
      cursor += span;
    } else {
      refusals++;
      range.refused(span, undefined, requested);
    }
  }
  return { requests, refusals };
}

describe('AdaptiveRange', () => {
  it('settles just under an unnamed 5,000-block limit: 12.7M blocks in within 3% of the fewest requests', () => {
    const range = new AdaptiveRange();
    const { requests, refusals } = simulate(range, 12_700_000n, (span) => span <= 5_000n);
    const fewest = 12_700_000 / 5_000;
    expect(requests).toBeLessThan(fewest * 1.03);
    expect(refusals).toBeLessThan(30);
    expect(range.settled).toBeGreaterThan(4_900n);
    expect(range.settled).toBeLessThanOrEqual(5_000n);
  });

  it('halves on a refusal, but never below the span that worked', () => {
    const range = new AdaptiveRange({ initial: 8_000n });
    range.refused(8_000n);
    expect(range.size).toBe(4_000n);
    range.succeeded(4_000n);
    range.succeeded(4_000n);
    expect(range.size).toBe(6_000n);
    range.refused(6_000n);
    expect(range.size).toBe(4_000n);
  });

  it('takes a limit the RPC names and never goes past it', () => {
    const range = new AdaptiveRange();
    range.refused(100_000n, 5_000n);
    expect(range.size).toBe(5_000n);
    for (let i = 0; i < 1_000; i++) range.succeeded(range.nextSpan());
    expect(range.size).toBe(5_000n);
  });

  it('does not shrink below half of a span refused by several requests at once', () => {
    const range = new AdaptiveRange({ initial: 10_000n });
    range.refused(10_000n);
    range.refused(10_000n);
    range.refused(10_000n);
    expect(range.size).toBe(5_000n);
  });

  it('widens again after successes, doubling while nothing is refused', () => {
    const range = new AdaptiveRange({ initial: 1_000n, growAfter: 2 });
    range.succeeded(1_000n);
    range.succeeded(1_000n);
    expect(range.size).toBe(2_000n);
  });

  it('probes a wider span with one request while the others keep to the span that worked', () => {
    const range = new AdaptiveRange({ initial: 1_000n });
    range.succeeded(1_000n);
    range.succeeded(1_000n);
    expect(range.nextSpan()).toBe(2_000n);
    expect(range.nextSpan()).toBe(1_000n);
    expect(range.nextSpan()).toBe(1_000n);
    range.refused(2_000n);
    expect(range.nextSpan()).toBe(1_000n);
    range.succeeded(1_000n);
    range.succeeded(1_000n);
    expect(range.nextSpan()).toBe(1_500n);
  });

  it('sends one request at a time until a span has worked', () => {
    const range = new AdaptiveRange();
    expect(range.mayStart(0)).toBe(true);
    expect(range.mayStart(1)).toBe(false);
    range.succeeded(range.size);
    expect(range.mayStart(2)).toBe(true);
  });

  it('forgets a refusal after a long run of successes (limits on results follow event density)', () => {
    const range = new AdaptiveRange({ initial: 4_000n, forgetRefusalAfter: 10 });
    range.refused(8_000n);
    for (let i = 0; i < 12; i++) range.succeeded(range.nextSpan());
    expect(range.size).toBeGreaterThanOrEqual(8_000n);
  });

  it('is exhausted only when a single block is refused', () => {
    const range = new AdaptiveRange({ initial: 2n });
    range.refused(2n);
    expect(range.exhausted).toBe(false);
    range.refused(1n);
    expect(range.exhausted).toBe(true);
  });

  it('starts from what it remembered of the RPC', () => {
    const range = new AdaptiveRange({}, { size: 4_990n, refused: 5_001n });
    expect(range.size).toBe(4_990n);
    expect(range.mayStart(3)).toBe(true);
    const remembered: bigint[] = [];
    range.onChange = (m) => remembered.push(m.size);
    range.refused(4_990n);
    expect(remembered).toEqual([2_495n]);
  });
});
