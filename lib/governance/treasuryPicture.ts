// The treasury's commitments over a window of epochs around the current one, for the governance page's picture.
// TreasuryGovernance records, per epoch, the CLO that accepted funding proposals and executed host node elections
// committed to it (`committed_in_epoch`, a record: payments do not lower it; a dismissed node's cancelled salary
// epochs are released). The window is bounded, so the page reads it in one batch whatever the contract's age.
// Past balances are not in the picture: the contract does not record them, and reading an old balance needs an
// archive node. No React.

/** Epochs shown before the current one (fewer near the contract's start) and after it. */
export const PAST_EPOCHS = 6n;
export const COMING_EPOCHS = 6n;

/** The epochs of the window, oldest first: up to `past` before `current`, `current`, and `coming` after it. */
export function epochWindow(current: bigint, past = PAST_EPOCHS, coming = COMING_EPOCHS): bigint[] {
  const first = current > past ? current - past : 0n;
  const epochs: bigint[] = [];
  for (let epoch = first; epoch <= current + coming; epoch++) epochs.push(epoch);
  return epochs;
}

export type EpochTense = 'past' | 'current' | 'coming';

export interface EpochCommitment {
  epoch: bigint;
  committed: bigint;
  tense: EpochTense;
}

export interface TreasuryPicture {
  epochs: EpochCommitment[];
  thisEpoch: bigint;
  nextEpoch: bigint;
  /** Committed to the epochs after the current one in the window: none of it can have been paid yet. */
  comingTotal: bigint;
  /** Committed to the past epochs of the window (a record: paid or still due). */
  pastTotal: bigint;
  /** The epoch after the current one with the most committed, if any is committed. */
  largestComing: EpochCommitment | undefined;
}

/** Pairs the window's epochs with the amounts read for them (same order) and sums them up. */
export function treasuryPicture(
  epochs: readonly bigint[],
  committed: readonly bigint[],
  current: bigint,
): TreasuryPicture {
  if (epochs.length !== committed.length) throw new Error('treasuryPicture: one amount an epoch');
  const rows = epochs.map((epoch, i): EpochCommitment => ({
    epoch,
    committed: committed[i]!,
    tense: epoch < current ? 'past' : epoch === current ? 'current' : 'coming',
  }));
  const sum = (tense: EpochTense) => rows.filter((r) => r.tense === tense).reduce((a, r) => a + r.committed, 0n);
  let largestComing: EpochCommitment | undefined;
  for (const row of rows) {
    if (row.tense === 'coming' && row.committed > (largestComing?.committed ?? 0n)) largestComing = row;
  }
  return {
    epochs: rows,
    thisEpoch: rows.find((r) => r.epoch === current)?.committed ?? 0n,
    nextEpoch: rows.find((r) => r.epoch === current + 1n)?.committed ?? 0n,
    comingTotal: sum('coming'),
    pastTotal: sum('past'),
    largestComing,
  };
}
