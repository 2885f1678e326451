import { parseEther } from 'viem';

/** Callisto's block reward and the protocol's shares of it (whitepaper, "Final stage"): the treasury gets
 * 10% and the cold staking contract 20%, credited to their balances without a call. */
export const BLOCK_REWARD = parseEther('600');
export const TREASURY_SHARE_PERCENT = 10n;
export const STAKING_SHARE_PERCENT = 20n;
export const MAX_EMULATED_BLOCKS = 1_000_000;

export function blockRewardShares(blocks: bigint): { treasury: bigint; staking: bigint } {
  return {
    treasury: (BLOCK_REWARD * TREASURY_SHARE_PERCENT * blocks) / 100n,
    staking: (BLOCK_REWARD * STAKING_SHARE_PERCENT * blocks) / 100n,
  };
}

/** Why a block count typed in the dev panel is unusable, or null. */
export function validateBlockCount(input: string): string | null {
  if (!/^\d+$/.test(input.trim())) return 'Enter a whole number of blocks';
  const n = Number(input.trim());
  if (n < 1 || n > MAX_EMULATED_BLOCKS) return `Between 1 and ${MAX_EMULATED_BLOCKS.toLocaleString('en')} blocks`;
  return null;
}
