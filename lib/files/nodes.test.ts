import { describe, expect, it } from 'vitest';
import { blockLag, nodesByElection } from './nodes';

describe('host nodes', () => {
  it('orders nodes by election, then address', () => {
    const nodes = [
      { node: '0xB' as const, elected_at: 5n },
      { node: '0xa' as const, elected_at: 5n },
      { node: '0xC' as const, elected_at: 1n },
    ];
    expect(nodesByElection(nodes).map((n) => n.node)).toEqual(['0xC', '0xa', '0xB']);
  });

  it('measures block lag against the chain head the page read, else the node’s own', () => {
    expect(blockLag(130n, { block: 125, checkpoint: 120 })).toBe(10);
    expect(blockLag(undefined, { block: 125, checkpoint: 120 })).toBe(5);
    expect(blockLag(100n, { block: 125, checkpoint: 120 })).toBe(0);
  });
});
