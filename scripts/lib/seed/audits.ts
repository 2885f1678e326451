// Demo audits: a manager (and the local dev account as a second one, so a newcomer can try the console),
// three auditors, requests in every state, two audited contracts with revealed reports, and a funded budget.
import { keccak256, parseEther, toBytes, type Address } from 'viem';
import { auditRegistryAbi } from '../../../contracts-abi/AuditRegistry';
import { LOCAL_DEV_ACCOUNT_INDEX } from '../../../lib/chain/anvilAccounts';
import type { SeedContext } from './context';

const OWNER = 0;
const MANAGER = 2;
const AUDITORS = { alice: 3, bob: 4, carol: 5, dave: 1 } as const;
const NO_ISSUES = { critical: 0, high: 0, medium: 0, low: 0, owner_privileges: 0 };

export async function seedAudits(
  ctx: SeedContext,
  registry: Address,
  contracts: Record<string, Address>,
): Promise<void> {
  const r = { address: registry, abi: auditRegistryAbi } as const;
  let nextId = await ctx.publicClient.readContract({ ...r, functionName: 'request_count' });

  await ctx.write(OWNER, {
    ...r,
    functionName: 'appoint_manager',
    args: [ctx.address(MANAGER), 'audits@callisto.example'],
  });
  await ctx.write(OWNER, {
    ...r,
    functionName: 'appoint_manager',
    args: [ctx.address(LOCAL_DEV_ACCOUNT_INDEX), 'local dev account'],
  });
  // Adding an auditor takes two managers: the demo manager nominates, the local dev account confirms.
  const addAuditor = async (auditor: number, contact: string) => {
    await ctx.write(MANAGER, { ...r, functionName: 'nominate_auditor', args: [ctx.address(auditor), contact] });
    await ctx.write(LOCAL_DEV_ACCOUNT_INDEX, { ...r, functionName: 'confirm_auditor', args: [ctx.address(auditor)] });
  };
  await addAuditor(AUDITORS.alice, '@alice_audits');
  await addAuditor(AUDITORS.bob, 'bob@audits.example');
  await addAuditor(AUDITORS.carol, '@carol_sec');
  // A nomination waiting for a second manager: the local dev account (a manager) can confirm or cancel it.
  await ctx.write(MANAGER, {
    ...r,
    functionName: 'nominate_auditor',
    args: [ctx.address(AUDITORS.dave), 'dave@audits.example'],
  });

  const request = async (from: number, target: Address, chainId: bigint, description: string): Promise<bigint> => {
    await ctx.write(from, {
      ...r,
      functionName: 'submit_request',
      args: [
        target,
        chainId,
        `https://github.com/callisto-demo/${description.split(' ')[0]!.toLowerCase()}`,
        description,
        'Solidity',
      ],
    });
    ctx.log(`  audit request ${nextId}: ${description}`);
    return nextId++;
  };
  const manage = (functionName: 'approve' | 'start', id: bigint) =>
    ctx.write(MANAGER, { ...r, functionName, args: [id] });
  const commit = (auditor: number, id: bigint, link: string) =>
    ctx.write(auditor, { ...r, functionName: 'submit_report', args: [id, keccak256(toBytes(link)), ''] });
  const signAndReveal = async (id: bigint, auditor: number, errors: bigint, link: string, complexity = 0n) => {
    await ctx.write(MANAGER, { ...r, functionName: 'sign_report', args: [id, ctx.address(auditor), errors] });
    await ctx.write(MANAGER, {
      ...r,
      functionName: 'reveal_report',
      args: [id, ctx.address(auditor), link, complexity, 0n],
    });
  };
  const gist = (who: string, what: string) => `https://gist.github.com/${who}/${what}-review`;

  // Audited, passed: two reports, one of which missed an issue the other found.
  const staking = await request(6, contracts.ColdStaking!, 31337n, 'ColdStaking cold staking contract of this chain');
  await manage('approve', staking);
  await commit(AUDITORS.alice, staking, gist('alice', 'cold-staking'));
  await commit(AUDITORS.bob, staking, gist('bob', 'cold-staking'));
  await manage('start', staking);
  await signAndReveal(staking, AUDITORS.alice, 0n, gist('alice', 'cold-staking'));
  await signAndReveal(staking, AUDITORS.bob, 1n, gist('bob', 'cold-staking'));
  await ctx.write(MANAGER, { ...r, functionName: 'complete', args: [staking, true, NO_ISSUES] });

  // Audited, issues found.
  const multicall = await request(7, contracts.Multicall3!, 31337n, 'Multicall3 batched reads');
  await manage('approve', multicall);
  await commit(AUDITORS.carol, multicall, gist('carol', 'multicall'));
  await manage('start', multicall);
  await signAndReveal(multicall, AUDITORS.carol, 0n, gist('carol', 'multicall'));
  await ctx.write(MANAGER, {
    ...r,
    functionName: 'complete',
    args: [multicall, false, { ...NO_ISSUES, medium: 1, low: 2, owner_privileges: 0 }],
  });

  // In progress, with one report committed in time and one late.
  const treasury = await request(8, contracts.TreasuryGovernance!, 31337n, 'TreasuryGovernance treasury and proposals');
  await manage('approve', treasury);
  await commit(AUDITORS.bob, treasury, gist('bob', 'treasury'));
  await manage('start', treasury);
  await commit(AUDITORS.carol, treasury, gist('carol', 'treasury'));

  // Approved: a contract on Ethereum Classic, committed to by one auditor.
  const etc = await request(
    6,
    '0x1111111111111111111111111111111111111111',
    61n,
    'Token sale contract on Ethereum Classic',
  );
  await manage('approve', etc);
  await commit(AUDITORS.alice, etc, gist('alice', 'etc-token-sale'));

  // Rejected, and one still pending.
  const spam = await request(7, '0x2222222222222222222222222222222222222222', 31337n, 'Free tokens click here');
  await ctx.write(MANAGER, { ...r, functionName: 'reject', args: [spam, 'Spam: no source code and no contract'] });
  await request(8, '0x3333333333333333333333333333333333333333', 820n, 'DEX router on Callisto mainnet');

  await ctx.write(OWNER, { ...r, functionName: 'fund', value: parseEther('2000') });
}
