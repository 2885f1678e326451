// Demo data for the local chain. Runs once: a chain that already has stakers is left as it is.
import type { Address } from 'viem';
import { coldStakingAbi } from '../../../contracts-abi/ColdStaking';
import { createSeedContext } from './context';
import { seedAudits } from './audits';
import { seedFiles } from './files';
import { seedEarlyProposal, seedGovernance } from './governance';
import { seedStaking } from './staking';

export async function seedLocalChain(options: {
  rpcUrl: string;
  contracts: Record<string, Address>;
  /** The running host nodes' URLs; without them the file system is left empty. */
  hostNodeEndpoints?: readonly string[];
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
  const early = await seedEarlyProposal(ctx, governance);
  await seedStaking(ctx, staking);
  const documents = await seedGovernance(ctx, governance, early);
  await seedAudits(ctx, audits, options.contracts);
  const fileSystem = options.contracts.CallistoFS;
  if (fileSystem && options.hostNodeEndpoints?.length) {
    await seedFiles(ctx, fileSystem, options.hostNodeEndpoints, documents);
  }
  return true;
}
