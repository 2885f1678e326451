// Where a stored file stands and how the pages say it: waiting for a node's confirmation, counted, expired
// unconfirmed, or withdrawn; and how many of the elected nodes confirmed it.
import type { FileEntry } from './types';

/** The contract's PENDING_WINDOW (contracts/test/CallistoFS.test.ts checks they agree): how long an upload waits for
 * a node's confirmation before it expires. */
export const PENDING_WINDOW_SECONDS = 86_400n;
export const PENDING_WINDOW_TEXT = '24 hours';

/** Where a file stands: waiting for a node's confirmation before its size counts, counted, expired unconfirmed
 * (its space given back, the deposit still to withdraw), or withdrawn. */
export type FileState = 'pending' | 'counted' | 'expired' | 'withdrawn';

export type FileStatusLabel = 'Waiting for confirmation' | 'Stored' | 'Expired unconfirmed' | 'Withdrawn';

const STATES: readonly FileState[] = ['pending', 'counted', 'expired', 'withdrawn'];

/** The file's state at chain time `now` (seconds): a pending upload past its window is expired even before anyone
 * released its space on chain, since no node may confirm it any more. */
export function fileState(file: Pick<FileEntry, 'status' | 'expires_at'>, now: bigint): FileState {
  const state = STATES[file.status] ?? 'withdrawn';
  return state === 'pending' && now >= file.expires_at ? 'expired' : state;
}

export function isHeld(file: Pick<FileEntry, 'withdrawn_at'>): boolean {
  return file.withdrawn_at === 0n;
}

/** Whether a file may still gain confirmations from the `nodeCount` elected nodes at chain time `now`: the pages
 * read again while one does, to show them arrive. */
export function awaitsConfirmations(
  file: Pick<FileEntry, 'status' | 'expires_at' | 'confirmations'>,
  nodeCount: bigint | number,
  now: bigint,
): boolean {
  const state = fileState(file, now);
  return (state === 'pending' || state === 'counted') && BigInt(file.confirmations) < BigInt(nodeCount);
}

const LABELS: Record<FileState, FileStatusLabel> = {
  pending: 'Waiting for confirmation',
  counted: 'Stored',
  expired: 'Expired unconfirmed',
  withdrawn: 'Withdrawn',
};

export function fileStatusLabel(state: FileState): FileStatusLabel {
  return LABELS[state];
}

/** One sentence on what the state means for the owner, next to the status. */
export function fileStateExplanation(state: FileState): string {
  switch (state) {
    case 'pending':
      return 'Waiting for a host node to confirm it holds this content at this size before the file counts. If no node confirms before the deadline, the upload expires, its space goes back and you withdraw the deposit.';
    case 'counted':
      return 'A host node confirmed it holds this content: the file counts and is kept while the deposit is held.';
    case 'expired':
      return 'No host node confirmed this upload in time (its content never reached a node, or its size did not match), so it is not stored. Withdraw the deposit and upload it again.';
    case 'withdrawn':
      return 'The deposit went back: the file is no longer guaranteed.';
  }
}

/** "2 of 2 nodes": how many host nodes confirmed they hold the file, against the nodes elected now. */
export function confirmationsText(confirmations: number | bigint, nodeCount: number | bigint): string {
  const m = Number(nodeCount);
  return `${confirmations.toString()} of ${m} node${m === 1 ? '' : 's'}`;
}
