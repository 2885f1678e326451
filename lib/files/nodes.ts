// The elected host nodes as the pages list them: election order, capacity in bytes, how far a node's event
// processing trails the chain.
import { MB } from './pricing';
import type { HostNode } from './types';

/** Nodes in election order, oldest first (the contract's order changes when a node is removed). */
export function nodesByElection<N extends Pick<HostNode, 'elected_at' | 'node'>>(nodes: readonly N[]): N[] {
  return [...nodes].sort((a, b) =>
    a.elected_at !== b.elected_at
      ? a.elected_at < b.elected_at
        ? -1
        : 1
      : a.node.toLowerCase() < b.node.toLowerCase()
        ? -1
        : 1,
  );
}

export function capacityBytes(node: Pick<HostNode, 'capacity_mb'>): bigint {
  return node.capacity_mb * MB;
}

/** Blocks the node's event processing trails the chain head the page reads (0 when it is ahead or level). */
export function blockLag(chainHead: bigint | undefined, health: { block: number; checkpoint: number }): number {
  const head = chainHead !== undefined ? Number(chainHead) : health.block;
  return Math.max(0, head - health.checkpoint);
}
