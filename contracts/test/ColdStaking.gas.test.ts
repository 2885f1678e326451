// Gas of the cold staking operations under London, the rules Callisto mainnet runs, against the live V2 contract's
// figures for the same operations (V2 compiled from its public source and run under London). The scenario is
// scripts/gas.ts's: a second staker and a pool, so that rewards are real transfers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEther, type Address, type TransactionReceipt } from 'viem';
import { coldStakingAbi, coldStakingBytecode } from '../../contracts-abi/ColdStaking';
import { EVM_VERSION } from '../../scripts/lib/solidity';
import { startTestChain, type TestChain } from './harness';

const DAY = 86_400n;
const ROUND = 27n * DAY;

/** The live V2 contract under London, per operation. */
const V2_GAS = {
  firstStake: 149_601n,
  addToStake: 100_109n,
  plainTransfer: 129_350n,
  claim: 66_344n,
  withdraw: 59_304n,
  reportAbuse: 62_216n,
};

let chain: TestChain;
let staking: Address;

beforeAll(async () => {
  chain = await startTestChain({ hardfork: EVM_VERSION });
  staking = await chain.deploy(coldStakingAbi, coldStakingBytecode, [
    ROUND,
    365n * DAY,
    10n ** 12n,
    chain.accounts[0]!.address,
  ]);
});

afterAll(async () => {
  await chain?.stop();
});

function ok(receipt: TransactionReceipt): bigint {
  expect(receipt.status).toBe('success');
  return receipt.gasUsed;
}

const stake = (from: number, rounds: bigint, value: bigint) =>
  chain.write(from, { address: staking, abi: coldStakingAbi, functionName: 'start_staking', args: [rounds], value });

describe('ColdStaking gas under London', () => {
  it('costs no more than the live V2 contract for every operation', async () => {
    await stake(2, 12n, parseEther('1000'));
    await chain.setBalance(staking, (await chain.balance(staking)) + parseEther('100'));
    const used: Record<keyof typeof V2_GAS, bigint> = {
      firstStake: ok(await stake(1, 3n, parseEther('100'))),
      addToStake: 0n,
      plainTransfer: 0n,
      claim: 0n,
      withdraw: 0n,
      reportAbuse: 0n,
    };
    await chain.increaseTime(ROUND + DAY);
    used.addToStake = ok(await stake(1, 1n, parseEther('50')));
    const hash = await chain.wallet(3).sendTransaction({ to: staking, value: parseEther('10'), gas: 200_000n });
    used.plainTransfer = ok(await chain.publicClient.waitForTransactionReceipt({ hash }));
    await chain.increaseTime(ROUND);
    used.claim = ok(await chain.write(1, { address: staking, abi: coldStakingAbi, functionName: 'claim' }));
    await chain.increaseTime(2n * ROUND);
    used.withdraw = ok(await chain.write(1, { address: staking, abi: coldStakingAbi, functionName: 'withdraw_stake' }));
    await chain.increaseTime(365n * DAY);
    used.reportAbuse = ok(
      await chain.write(2, {
        address: staking,
        abi: coldStakingAbi,
        functionName: 'report_abuse',
        args: [chain.accounts[3]!.address],
      }),
    );
    for (const [operation, gas] of Object.entries(used)) {
      expect(gas, operation).toBeLessThanOrEqual(V2_GAS[operation as keyof typeof V2_GAS]);
    }
  });
});
