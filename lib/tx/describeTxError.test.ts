import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, http, parseEther, UserRejectedRequestError } from 'viem';
import { coldStakingAbi, coldStakingBytecode } from '../../contracts-abi/ColdStaking';
import { startTestChain, type TestChain } from '../../contracts/test/harness';
import { findFreePort } from '../../scripts/lib/anvil';
import { describeTxError } from './describeTxError';

let chain: TestChain;
let staking: `0x${string}`;

beforeAll(async () => {
  chain = await startTestChain();
  staking = await chain.deploy(coldStakingAbi, coldStakingBytecode, [1_000n, 10_000n, 25n, chain.accounts[0]!.address]);
});
afterAll(() => chain.stop());

async function thrownBy(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}

describe('errors of a write, in words', () => {
  it('gives the contract’s revert reason from a real simulation', async () => {
    const error = await thrownBy(() =>
      chain.publicClient.simulateContract({
        address: staking,
        abi: coldStakingAbi,
        functionName: 'withdraw_stake',
        account: chain.accounts[1]!,
      }),
    );
    expect(describeTxError(error)).toEqual({ kind: 'reverted', message: 'ColdStaking: no stake' });
  });

  it('says the balance does not cover a value larger than the account holds', async () => {
    const error = await thrownBy(() =>
      chain.publicClient.simulateContract({
        address: staking,
        abi: coldStakingAbi,
        functionName: 'start_staking',
        args: [1n],
        value: parseEther('1000000'),
        account: chain.accounts[1]!,
      }),
    );
    expect(describeTxError(error).kind).not.toBe('cancelled');
    expect(describeTxError(error).message).toMatch(/balance|funds/i);
  });

  it('reports a dropped RPC connection as such', async () => {
    const closed = createPublicClient({
      transport: http(`http://127.0.0.1:${await findFreePort()}`, { retryCount: 0 }),
    });
    const error = await thrownBy(() =>
      closed.simulateContract({
        address: staking,
        abi: coldStakingAbi,
        functionName: 'claim',
        account: chain.accounts[1]!,
      }),
    );
    expect(describeTxError(error).kind).toBe('connection');
  });

  it('treats a rejection in the wallet as cancelled, not as a failure', () => {
    // A wallet's refusal cannot be caused against anvil; these are the two shapes wallets reject with.
    expect(describeTxError(new UserRejectedRequestError(new Error('User denied'))).kind).toBe('cancelled');
    expect(describeTxError({ code: 4001, message: 'User rejected the request.' }).kind).toBe('cancelled');
  });
});
