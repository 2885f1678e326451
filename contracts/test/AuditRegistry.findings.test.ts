// Regression tests of the audit findings on contracts/AuditRegistry.sol (M-04, L-02, L-03, L-04, L-07): each
// test performs the attack the audit reproduced, on a real anvil, with the registry's production parameters
// (10 karma a KiB, 5 karma an error, 27-day payout periods).
import { beforeAll, describe, expect, it } from 'vitest';
import { formatEther, keccak256, parseEther, toHex, type Address, type Hex, type TransactionReceipt } from 'viem';
import { auditRegistryAbi, auditRegistryBytecode } from '../../contracts-abi/AuditRegistry';
import { multicall3Abi, multicall3Bytecode } from '../../contracts-abi/Multicall3';
import { startTestChain, type TestChain, revertAfterEachTest } from './harness';

const DAY = 86_400n;
const PERIOD = 27n * DAY;

const OWNER = 0;
const MANAGER = 1;
const MANAGER2 = 2;
const AUDITOR = 3;
const AUDITOR2 = 4;
const PUPPET = 5;
const REQUESTER = 6;
const OTHER = 7;
const GOVERNANCE = 8;

const NO_FINDINGS = { critical: 0, high: 0, medium: 0, low: 0, owner_privileges: 0 };
const commitmentOf = (link: string): Hex => keccak256(toHex(link));

let chain: TestChain;
let registry: Address;

const account = (i: number): Address => chain.accounts[i]!.address;

type Write = Parameters<TestChain['write']>[1];
const call = (from: number, functionName: string, args: readonly unknown[] = [], value?: bigint) =>
  chain.write(from, { address: registry, abi: auditRegistryAbi, functionName, args, value } as unknown as Write);
const reason = (from: number, functionName: string, args: readonly unknown[] = []) =>
  chain.revertReason(from, { address: registry, abi: auditRegistryAbi, functionName, args } as unknown as Write);
async function ok(from: number, functionName: string, args: readonly unknown[] = [], value?: bigint) {
  const receipt: TransactionReceipt = await call(from, functionName, args, value);
  expect(receipt.status, functionName).toBe('success');
  return receipt;
}
const read = <T>(functionName: string, args: readonly unknown[] = []): Promise<T> =>
  chain.publicClient.readContract({
    address: registry,
    abi: auditRegistryAbi,
    functionName,
    args,
  } as never) as Promise<T>;

interface ReportView {
  auditor: Address;
  commitment: Hex;
  revealed: boolean;
  karma: bigint;
}
const reportsOf = (id: bigint) => read<readonly ReportView[]>('get_reports', [id]);

/** Adds an auditor the way the registry allows today: one manager's call. */
const addAuditor = (manager: number, auditor: number, contact: string) =>
  ok(manager, 'add_auditor', [account(auditor), contact]);

async function request(contractAddress: Address, chainId: bigint): Promise<bigint> {
  const id = await read<bigint>('request_count');
  await ok(REQUESTER, 'submit_request', [
    contractAddress,
    chainId,
    'https://example.org/src',
    'A contract',
    'Solidity',
  ]);
  return id;
}

beforeAll(async () => {
  chain = await startTestChain();
  registry = await chain.deploy(auditRegistryAbi, auditRegistryBytecode, [account(OWNER), 30n * DAY, PERIOD, 10n, 5n]);
  await ok(OWNER, 'appoint_manager', [account(MANAGER), 'manager@callisto.network']);
  await ok(OWNER, 'appoint_manager', [account(MANAGER2), 'manager2@callisto.network']);
  await addAuditor(MANAGER, AUDITOR, 'auditor@example.org');
  await addAuditor(MANAGER, AUDITOR2, 'auditor2@example.org');
});

revertAfterEachTest(() => chain);

describe('M-04 a manager grades its own work', () => {
  it('a manager enlists a puppet auditor, gives it 2^30 bytes of complexity and takes the period budget', async () => {
    // An honest audit of a 24 KiB contract on another chain: 240 karma.
    const honest = await request(account(OTHER), 61n);
    await ok(MANAGER2, 'approve', [honest]);
    await ok(AUDITOR, 'submit_report', [honest, commitmentOf('https://gist.github.com/honest/1')]);
    await ok(MANAGER2, 'start', [honest]);
    await ok(MANAGER2, 'sign_report', [honest, account(AUDITOR), 0n]);
    await ok(MANAGER2, 'reveal_report', [honest, account(AUDITOR), 'https://gist.github.com/honest/1', 24_576n]);

    // The manager alone: a second address of its own as auditor, a request for an address without code, the
    // largest complexity, and the request rejected before the reveal so that no audit shows in the registry.
    await addAuditor(MANAGER, PUPPET, 'puppet@example.org');
    const fake = await request(account(OTHER), 31337n);
    await ok(MANAGER, 'approve', [fake]);
    await ok(PUPPET, 'submit_report', [fake, commitmentOf('https://gist.github.com/puppet/1')]);
    await ok(MANAGER, 'sign_report', [fake, account(PUPPET), 0n]);
    await ok(MANAGER, 'reject', [fake, 'Duplicate']);
    await ok(MANAGER, 'reveal_report', [fake, account(PUPPET), 'https://gist.github.com/puppet/1', 2n ** 30n]);

    await ok(OTHER, 'fund', [], parseEther('1000'));
    await chain.increaseTime(PERIOD);
    const puppetShare = await read<bigint>('claimable', [0n, account(PUPPET)]);
    const honestShare = await read<bigint>('claimable', [0n, account(AUDITOR)]);
    console.log(
      `M-04 puppet: karma ${await read('karma_in_period', [0n, account(PUPPET)])} against ${await read(
        'karma_in_period',
        [0n, account(AUDITOR)],
      )}; of 1,000 CLO the puppet claims ${formatEther(puppetShare)} CLO, the honest auditor ${formatEther(honestShare)} CLO`,
    );
    expect(await read('karma_in_period', [0n, account(PUPPET)])).toBe(10_485_760n);
    expect(puppetShare).toBeGreaterThan(parseEther('999.97'));
    await ok(PUPPET, 'claim', [0n]);
  });

  it('an auditor commits, is removed, is appointed manager, then signs and reveals its own report', async () => {
    const id = await request(account(OTHER), 61n);
    await ok(MANAGER, 'approve', [id]);
    await ok(AUDITOR, 'submit_report', [id, commitmentOf('https://gist.github.com/self/1')]);
    await ok(MANAGER, 'start', [id]);
    await ok(MANAGER, 'remove_auditor', [account(AUDITOR)]);
    await ok(OWNER, 'appoint_manager', [account(AUDITOR), 'now a manager']);
    await ok(AUDITOR, 'sign_report', [id, account(AUDITOR), 0n]);
    await ok(AUDITOR, 'reveal_report', [id, account(AUDITOR), 'https://gist.github.com/self/1', 24_576n]);
    expect((await reportsOf(id))[0]).toMatchObject({ revealed: true, karma: 240n });
  });
});

describe('L-02 is_audited', () => {
  it('is true for a failed audit and for an address audited on another chain', async () => {
    const target = await chain.deploy(multicall3Abi, multicall3Bytecode, []);
    const failed = await request(target, 31337n);
    const elsewhere = await request(account(OTHER), 61n);
    for (const [i, id] of [failed, elsewhere].entries()) {
      await ok(MANAGER, 'approve', [id]);
      await ok(MANAGER, 'start', [id]);
      const link = `https://gist.github.com/l02/${i}`;
      await ok(AUDITOR, 'submit_report', [id, commitmentOf(link)]);
      await ok(MANAGER, 'sign_report', [id, account(AUDITOR), 0n]);
      await ok(MANAGER, 'reveal_report', [id, account(AUDITOR), link, 1024n]);
    }
    await ok(MANAGER, 'complete', [failed, false, { ...NO_FINDINGS, critical: 2 }]);
    await ok(MANAGER, 'complete', [elsewhere, true, NO_FINDINGS]);
    expect(await read('is_audited', [target])).toBe(true);
    expect(await read('is_audited', [account(OTHER)])).toBe(true);
  });
});

describe('L-03 governance appointments', () => {
  it('one manager vetoes an accepted appointment by making the nominee an auditor first', async () => {
    await ok(OWNER, 'set_governance', [account(GOVERNANCE)]);
    await addAuditor(MANAGER, OTHER, 'nominee@example.org');
    expect(await reason(GOVERNANCE, 'appoint_manager', [account(OTHER), 'nominee@example.org'])).toBe(
      'Audits: an auditor cannot be a manager',
    );
  });
});

describe('L-04 budget of a period without karma', () => {
  it('stays in the registry for good', async () => {
    await ok(OTHER, 'fund', [], parseEther('1000'));
    await chain.increaseTime(PERIOD);
    // Karma earned later lands in a later period; nobody can ever claim period 0.
    const id = await request(account(OTHER), 61n);
    await ok(MANAGER, 'approve', [id]);
    await ok(MANAGER, 'start', [id]);
    await ok(AUDITOR, 'submit_report', [id, commitmentOf('https://gist.github.com/l04/1')]);
    await ok(MANAGER, 'sign_report', [id, account(AUDITOR), 0n]);
    await ok(MANAGER, 'reveal_report', [id, account(AUDITOR), 'https://gist.github.com/l04/1', 1024n]);
    await chain.increaseTime(PERIOD);
    expect(await reason(AUDITOR, 'claim', [0n])).toBe('Audits: no karma in this period');
    expect(await reason(AUDITOR, 'claim', [1n])).toBe('Audits: nothing to claim');
    expect(await read('period_budget', [0n])).toBe(parseEther('1000'));
    expect(await chain.balance(registry)).toBe(parseEther('1000'));
  });
});

describe('L-07 commitments not tied to their auditor', () => {
  const LINK = 'https://gist.github.com/auditor/l07';

  it('accepts the same commitment twice in a request', async () => {
    const id = await request(account(OTHER), 61n);
    await ok(MANAGER, 'approve', [id]);
    await ok(AUDITOR, 'submit_report', [id, commitmentOf(LINK)]);
    await ok(AUDITOR2, 'submit_report', [id, commitmentOf(LINK)]);
    expect((await reportsOf(id)).map((r) => r.commitment)).toEqual([commitmentOf(LINK), commitmentOf(LINK)]);
  });

  it('credits a revealed link twice when another auditor commits it again', async () => {
    const first = await request(account(OTHER), 61n);
    await ok(MANAGER, 'approve', [first]);
    await ok(MANAGER, 'start', [first]);
    await ok(AUDITOR, 'submit_report', [first, commitmentOf(LINK)]);
    await ok(MANAGER, 'sign_report', [first, account(AUDITOR), 0n]);
    await ok(MANAGER, 'reveal_report', [first, account(AUDITOR), LINK, 1024n]);
    // The link is public now: another auditor commits it to another request.
    const second = await request(account(OTHER), 61n);
    await ok(MANAGER, 'approve', [second]);
    await ok(MANAGER, 'start', [second]);
    await ok(AUDITOR2, 'submit_report', [second, commitmentOf(LINK)]);
    await ok(MANAGER, 'sign_report', [second, account(AUDITOR2), 0n]);
    await ok(MANAGER, 'reveal_report', [second, account(AUDITOR2), LINK, 1024n]);
    expect(await read('karma_in_period', [0n, account(AUDITOR2)])).toBe(10n);
  });

  it("credits karma for a rejected request's report", async () => {
    const id = await request(account(OTHER), 61n);
    await ok(MANAGER, 'approve', [id]);
    await ok(AUDITOR, 'submit_report', [id, commitmentOf(LINK)]);
    await ok(MANAGER, 'sign_report', [id, account(AUDITOR), 0n]);
    await ok(MANAGER2, 'reject', [id, 'Spam']);
    await ok(MANAGER, 'reveal_report', [id, account(AUDITOR), LINK, 1024n]);
    expect(await read('karma_in_period', [0n, account(AUDITOR)])).toBe(10n);
  });
});
