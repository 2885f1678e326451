// Demo data for the local chain: stakers at different points of their terms, one past its term and one
// past the inactivity limit, and block rewards in the pool. Runs once: a chain that already has stakers
// is left as it is.
import { createPublicClient, createTestClient, createWalletClient, http, parseEther, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { coldStakingAbi } from '../../contracts-abi/ColdStaking';
import { anvilPrivateKeys } from '../../lib/chain/anvilAccounts';
import { callistoLocal } from '../../lib/chain/chains';
import { blockRewardShares } from '../../lib/devtools/blockRewards';

const DAY = 86_400;

export async function seedLocalChain(options: {
  rpcUrl: string;
  contracts: Record<string, Address>;
  log?: (line: string) => void;
}): Promise<boolean> {
  const log = options.log ?? (() => {});
  const chain = { ...callistoLocal, rpcUrls: { default: { http: [options.rpcUrl] } } };
  const transport = http(options.rpcUrl);
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 50 });
  const testClient = createTestClient({ chain, transport, mode: 'anvil' });
  const staking = options.contracts.ColdStaking;
  if (!staking) throw new Error('seed: ColdStaking is not deployed');

  const stakers = await publicClient.readContract({
    address: staking,
    abi: coldStakingAbi,
    functionName: 'staker_count',
  });
  if (stakers > 0n) {
    log('  demo data: already seeded');
    return false;
  }
  const round = Number(
    await publicClient.readContract({ address: staking, abi: coldStakingAbi, functionName: 'round_interval' }),
  );
  const maxDelay = Number(
    await publicClient.readContract({ address: staking, abi: coldStakingAbi, functionName: 'max_delay' }),
  );

  const stake = async (accountIndex: number, clo: string, rounds: bigint) => {
    const account = privateKeyToAccount(anvilPrivateKeys[accountIndex]!);
    const wallet = createWalletClient({ chain, transport, account });
    const hash = await wallet.writeContract({
      address: staking,
      abi: coldStakingAbi,
      functionName: 'start_staking',
      args: [rounds],
      value: parseEther(clo),
    });
    await publicClient.waitForTransactionReceipt({ hash });
    log(`  staker ${account.address}: ${clo} CLO for ${rounds} round(s)`);
  };
  const advance = async (seconds: number) => {
    await testClient.increaseTime({ seconds });
    await testClient.mine({ blocks: 1 });
  };
  const creditBlockRewards = async (blocks: bigint) => {
    const balance = await publicClient.getBalance({ address: staking });
    await testClient.setBalance({ address: staking, value: balance + blockRewardShares(blocks).staking });
  };

  log('Seeding demo data');
  // Inactive: its term ended longer ago than the inactivity limit, so any staker may report it.
  await stake(1, '800', 1n);
  await advance(round + maxDelay + 2 * DAY);
  // Past its term (withdrawable) and in its second round (a reward to claim).
  await stake(2, '1500', 1n);
  await stake(3, '2000', 3n);
  await creditBlockRewards(400n);
  await advance(round + 2 * DAY);
  // Early in long terms.
  await stake(4, '5000', 12n);
  await stake(5, '300', 6n);
  await creditBlockRewards(400n);
  await advance(5 * DAY);
  return true;
}
