import { QueryClient } from '@tanstack/react-query';
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

describe('queries a transaction touched', () => {
  it('invalidates reads of the contract and the sender, and leaves unrelated reads fresh', async () => {
    const client = new QueryClient();
    client.setQueryData(
      ['readContracts', { contracts: [{ address: staking.toLowerCase(), functionName: 'staker' }] }],
      1,
    );
    client.setQueryData(['balance', { address: user, chainId: 31337 }], 2);
    client.setQueryData(['balance', { address: other, chainId: 31337 }], 3);
    await client.invalidateQueries({ predicate: queryTouches(touchedAddresses(receipt, [])) });
    const stale = client
      .getQueryCache()
      .getAll()
      .map((q) => [JSON.stringify(q.queryKey), q.state.isInvalidated]);
    expect(stale).toEqual([
      [expect.stringContaining('readContracts'), true],
      [expect.stringContaining(user), true],
      [expect.stringContaining(other), false],
    ]);
  });
});
