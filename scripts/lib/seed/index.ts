// Demo data for the local chain. Runs once: a chain that already has stakers is left as it is.
import type { Address } from 'viem';
import { coldStakingAbi } from '../../../contracts-abi/ColdStaking';
import { createSeedContext } from './context';
import { seedAudits } from './audits';
import { seedGovernance } from './governance';
import { seedStaking } from './staking';

export async function seedLocalChain(options: {
  rpcUrl: string;
  contracts: Record<string, Address>;
  log?: (line: string) => void;
}): Promise<boolean> {
  const ctx = createSeedContext(options.rpcUrl, options.log ?? (() => {}));
  const { ColdStaking: staking, TreasuryGovernance: governance, AuditRegistry: audits } = options.contracts;
  if (!staking || !governance || !audits) throw new Error('seed: the contracts are not deployed');

  const stakers = await ctx.publicClient.readContract({
    address: staking,
    abi: coldStakingAbi,
    functionName: 'staker_count',
  });
  if (stakers > 0n) {
    ctx.log('  demo data: already seeded');
    return false;
  }
  ctx.log('Seeding demo data');
  await seedStaking(ctx, staking);
  await seedGovernance(ctx, governance);
  await seedAudits(ctx, audits, options.contracts);
  return true;
}
