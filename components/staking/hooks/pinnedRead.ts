import { keepPreviousData } from '@tanstack/react-query';

/** A read pinned to `blockNumber`: idle until the block is known; a new block's read shows the previous block's
 * result while it loads (see useLastSettled for how a hook tells them apart). */
export function pinnedTo(blockNumber: bigint | undefined, wanted = true) {
  return { enabled: wanted && blockNumber !== undefined, placeholderData: keepPreviousData };
}

/** A read's state as the hooks combine them. */
export interface ReadState<T> {
  data: T | undefined;
  isPlaceholderData: boolean;
  error: Error | null;
}

/** Its value, only when it is the answer for the block asked (not the previous block's placeholder). */
export function fresh<T>(read: ReadState<T>): T | undefined {
  return read.isPlaceholderData ? undefined : read.data;
}

/** An optional read's value: `absent` where the contract lacks the view, undefined while loading. */
export function freshOptional<T>(read: ReadState<T>, wanted: boolean): T | 'absent' | undefined {
  return wanted ? fresh(read) : 'absent';
}
