import { QueryClient } from '@tanstack/react-query';
import { hashFn } from '@wagmi/core/query';
import { describe, expect, it } from 'vitest';
import type { TransactionReceipt } from 'viem';
import { queryTouches, touchedAddresses } from './touchedQueries';

const staking = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const user = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720';
const other = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

const receipt = {
  from: user,
  to: staking,
  contractAddress: null,
  logs: [{ address: staking }],
} as unknown as TransactionReceipt;

/** Seeds `keys` into a fresh cache, invalidates after `receipt`, and says which went stale. */
async function staleAfterTransaction(keys: readonly (readonly unknown[])[]) {
  // Hashed as wagmi hashes its keys (they hold bigints).
  const client = new QueryClient({ defaultOptions: { queries: { queryKeyHashFn: hashFn } } });
  keys.forEach((key, i) => client.setQueryData(key, i));
  await client.invalidateQueries({ predicate: queryTouches(touchedAddresses(receipt, [])) });
  return keys.map((key) => client.getQueryState(key)?.isInvalidated);
}

describe('queries a transaction touched', () => {
  it('invalidates reads of the contract and the sender, and leaves unrelated reads fresh', async () => {
    expect(
      await staleAfterTransaction([
        ['readContracts', { contracts: [{ address: staking.toLowerCase(), functionName: 'staker' }] }],
        ['balance', { address: user, chainId: 31337 }],
        ['balance', { address: other, chainId: 31337 }],
      ]),
    ).toEqual([true, true, false]);
  });

  // The stale-block bug: wagmi's keys for the latest block name no address, so the contract figures were read
  // again after a transaction while the block time beside them stayed the one before it.
  it('refreshes the reads of the latest block, whatever their scope, with the touched reads', async () => {
    expect(
      await staleAfterTransaction([
        ['block', { chainId: 31337 }],
        ['block', { chainId: 31337, scopeKey: 'overview' }],
        ['blockNumber', { chainId: 820 }],
        ['blockNumber', { chainId: 820, blockNumber: undefined }],
      ]),
    ).toEqual([true, true, true, true]);
  });

  it('leaves a block read by its number alone: it cannot change', async () => {
    expect(
      await staleAfterTransaction([
        ['block', { chainId: 31337, blockNumber: 7n }],
        ['gasPrice', { chainId: 31337 }],
      ]),
    ).toEqual([false, false]);
  });
});
