// Regression tests of the audit findings on contracts/AuditRegistry.sol (M-04, L-02, L-03, L-04, L-07): each
// test performs the attack the audit reproduced, on a real anvil, with the registry's production parameters
// (10 karma a KiB, 5 karma an error, 27-day payout periods). Each showed the attack succeeding on the code before
// the fix (commit c83a9ba asserts that each succeeds; SECURITY.md lists them); each now asserts that it fails, with
// the registry's reason.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatEther,
  keccak256,
  parseEther,
  parseEventLogs,
  toHex,
  type Address,
  type Hex,
  type TransactionReceipt,
} from 'viem';
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

/** Adds an auditor: `manager` nominates, the other manager confirms. */
async function addAuditor(manager: number, auditor: number, contact: string) {
  await ok(manager, 'nominate_auditor', [account(auditor), contact]);
  await ok(manager === MANAGER ? MANAGER2 : MANAGER, 'confirm_auditor', [account(auditor)]);
}

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
    await ok(AUDITOR, 'submit_report', [honest, commitmentOf('https://gist.github.com/honest/1'), '']);
    await ok(MANAGER2, 'start', [honest]);
    await ok(MANAGER2, 'sign_report', [honest, account(AUDITOR), 0n]);
    await ok(MANAGER2, 'reveal_report', [honest, account(AUDITOR), 'https://gist.github.com/honest/1', 24_576n, 0n]);

    // The manager alone cannot enlist a second address of its own: another manager must confirm.
    await ok(MANAGER, 'nominate_auditor', [account(PUPPET), 'puppet@example.org']);
    expect(await reason(MANAGER, 'confirm_auditor', [account(PUPPET)])).toBe(
      'Audits: another manager must confirm the nomination',
    );
    expect(await read('is_auditor', [account(PUPPET)])).toBe(false);

    // Even with a second manager deceived into confirming, the rest of the attack fails step by step.
    await ok(MANAGER2, 'confirm_auditor', [account(PUPPET)]);
    const fake = await request(account(OTHER), 31337n);
    await ok(MANAGER, 'approve', [fake]);
    const link = 'https://gist.github.com/puppet/1';
    await ok(PUPPET, 'submit_report', [fake, commitmentOf(link), '']);
    await ok(MANAGER, 'sign_report', [fake, account(PUPPET), 0n]);
    await ok(MANAGER, 'reject', [fake, 'Duplicate']);
    expect(await reason(MANAGER, 'reveal_report', [fake, account(PUPPET), link, 24_576n, 0n])).toBe(
      'Audits: request is not in progress or completed',
    );
    // On a request in progress, the complexity a manager gives is capped at the largest contract code (EIP-170).
    const other = await request(account(OTHER), 31337n);
    await ok(MANAGER, 'approve', [other]);
    await ok(PUPPET, 'submit_report', [other, commitmentOf(`${link}/2`), '']);
    await ok(MANAGER, 'start', [other]);
    await ok(MANAGER, 'sign_report', [other, account(PUPPET), 0n]);
    expect(await reason(MANAGER, 'reveal_report', [other, account(PUPPET), `${link}/2`, 2n ** 30n, 0n])).toBe(
      'Audits: complexity must be 1 to 24576 bytes',
    );
    await ok(MANAGER, 'reveal_report', [other, account(PUPPET), `${link}/2`, 24_576n, 0n]);

    await ok(OTHER, 'fund', [], parseEther('1000'));
    await chain.increaseTime(PERIOD);
    const puppetShare = await read<bigint>('claimable', [0n, account(PUPPET)]);
    const honestShare = await read<bigint>('claimable', [0n, account(AUDITOR)]);
    console.log(
      `M-04 puppet after the fix: karma ${await read('karma_in_period', [0n, account(PUPPET)])} against ${await read(
        'karma_in_period',
        [0n, account(AUDITOR)],
      )}; of 1,000 CLO the puppet claims ${formatEther(puppetShare)} CLO, the honest auditor ${formatEther(honestShare)} CLO`,
    );
    // At most the weight of one real audit of the largest contract, and only with a second manager's confirmation.
    expect(await read('karma_in_period', [0n, account(PUPPET)])).toBe(240n);
    expect(puppetShare).toBe(parseEther('500'));
  });

  it('an auditor commits, is removed, is appointed manager, then signs and reveals its own report', async () => {
    const id = await request(account(OTHER), 61n);
    await ok(MANAGER, 'approve', [id]);
    const link = 'https://gist.github.com/self/1';
    await ok(AUDITOR, 'submit_report', [id, commitmentOf(link), '']);
    await ok(AUDITOR2, 'submit_report', [id, commitmentOf('https://gist.github.com/rival/1'), '']);
    await ok(MANAGER, 'start', [id]);
    await ok(MANAGER, 'remove_auditor', [account(AUDITOR)]);
    await ok(OWNER, 'appoint_manager', [account(AUDITOR), 'now a manager']);
    // Neither its own report nor a rival's in the same request.
    for (const auditor of [AUDITOR, AUDITOR2]) {
      expect(await reason(AUDITOR, 'sign_report', [id, account(auditor), 0n])).toBe(
        'Audits: you wrote a report for this request',
      );
    }
    await ok(MANAGER, 'sign_report', [id, account(AUDITOR), 0n]);
    expect(await reason(AUDITOR, 'reveal_report', [id, account(AUDITOR), link, 24_576n, 0n])).toBe(
      'Audits: you wrote a report for this request',
    );
    // Another manager signs and reveals it, as for any auditor.
    await ok(MANAGER2, 'reveal_report', [id, account(AUDITOR), link, 24_576n, 0n]);
    expect((await reportsOf(id))[0]).toMatchObject({ revealed: true, karma: 240n });
  });
});

describe('L-02 is_audited', () => {
  async function revealedInProgress(target: Address, chainId: bigint, link: string): Promise<bigint> {
    const id = await request(target, chainId);
    await ok(MANAGER, 'approve', [id]);
    await ok(MANAGER, 'start', [id]);
    await ok(AUDITOR, 'submit_report', [id, commitmentOf(link), '']);
    await ok(MANAGER, 'sign_report', [id, account(AUDITOR), 0n]);
    await ok(MANAGER, 'reveal_report', [id, account(AUDITOR), link, 1024n, 0n]);
    return id;
  }

  it('is true for a failed audit and for an address audited on another chain', async () => {
    const target = await chain.deploy(multicall3Abi, multicall3Bytecode, []);
    const failed = await revealedInProgress(target, 31337n, 'https://gist.github.com/l02/0');
    const elsewhere = await revealedInProgress(account(OTHER), 61n, 'https://gist.github.com/l02/1');
    await ok(MANAGER, 'complete', [failed, false, { ...NO_FINDINGS, critical: 2 }]);
    await ok(MANAGER, 'complete', [elsewhere, true, NO_FINDINGS]);
    expect(await read('is_audited', [target])).toBe(false);
    expect(await read('is_audited', [account(OTHER)])).toBe(false);
    // Both stay in the audited list with their verdicts.
    expect(await read('audited_count')).toBe(2n);
  });

  it('is true for a passed audit of this chain only while the code is the code audited', async () => {
    const target = await chain.deploy(multicall3Abi, multicall3Bytecode, []);
    const passed = await revealedInProgress(target, 31337n, 'https://gist.github.com/l02/2');
    await ok(MANAGER, 'complete', [passed, true, NO_FINDINGS]);
    const code = await chain.publicClient.getCode({ address: target });
    expect(await read('audited_code_hash', [target])).toBe(keccak256(code!));
    expect(await read('is_audited', [target])).toBe(true);
    // Other code at the same address (the chain's state changed directly: SELFDESTRUCT and CREATE2 in real life).
    await chain.testClient.setCode({ address: target, bytecode: '0x6000' });
    expect(await read('is_audited', [target])).toBe(false);
    await chain.testClient.setCode({ address: target, bytecode: code! });
    expect(await read('is_audited', [target])).toBe(true);
    // A later failed audit of the same contract takes the status away.
    const again = await revealedInProgress(target, 31337n, 'https://gist.github.com/l02/3');
    await ok(MANAGER, 'complete', [again, false, { ...NO_FINDINGS, high: 1 }]);
    expect(await read('is_audited', [target])).toBe(false);
  });
});

describe('L-03 governance appointments', () => {
  it('one manager vetoes an accepted appointment by making the nominee an auditor first', async () => {
    await ok(OWNER, 'set_governance', [account(GOVERNANCE)]);
    await addAuditor(MANAGER, OTHER, 'nominee@example.org');
    const receipt = await ok(GOVERNANCE, 'appoint_manager', [account(OTHER), 'nominee@example.org']);
    expect(parseEventLogs({ abi: auditRegistryAbi, logs: receipt.logs }).map((e) => e.eventName)).toEqual([
      'AuditorRemoved',
      'ManagerAppointed',
    ]);
    expect(await read('is_manager', [account(OTHER)])).toBe(true);
    expect(await read('is_auditor', [account(OTHER)])).toBe(false);
  });

  it('also takes effect over a pending nomination, which it cancels', async () => {
    await ok(OWNER, 'set_governance', [account(GOVERNANCE)]);
    await ok(MANAGER, 'nominate_auditor', [account(OTHER), 'nominee@example.org']);
    await ok(GOVERNANCE, 'appoint_manager', [account(OTHER), 'nominee@example.org']);
    expect(await read('nomination_count')).toBe(0n);
    expect(await reason(MANAGER2, 'confirm_auditor', [account(OTHER)])).toBe('Audits: the account is not nominated');
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
    await ok(AUDITOR, 'submit_report', [id, commitmentOf('https://gist.github.com/l04/1'), '']);
    await ok(MANAGER, 'sign_report', [id, account(AUDITOR), 0n]);
    await ok(MANAGER, 'reveal_report', [id, account(AUDITOR), 'https://gist.github.com/l04/1', 1024n, 0n]);
    expect(await reason(OTHER, 'roll_over', [1n])).toBe('Audits: the period has not ended');
    // Anyone moves the unclaimable budget to the current period, once.
    const receipt = await ok(OTHER, 'roll_over', [0n]);
    const [event] = parseEventLogs({ abi: auditRegistryAbi, logs: receipt.logs, eventName: 'RolledOver' });
    expect(event!.args).toEqual({ from_period: 0n, to_period: 1n, amount: parseEther('1000') });
    expect(await reason(OTHER, 'roll_over', [0n])).toBe('Audits: nothing to roll over');
    expect(await read('period_budget', [0n])).toBe(0n);
    expect(await read('period_budget', [1n])).toBe(parseEther('1000'));
    expect(await read('rolled_over_into', [1n])).toBe(parseEther('1000'));
    await chain.increaseTime(PERIOD);
    expect(await reason(OTHER, 'roll_over', [1n])).toBe('Audits: the period has karma: its auditors claim the budget');
    expect(await reason(AUDITOR, 'claim', [0n])).toBe('Audits: no karma in this period');
    await ok(AUDITOR, 'claim', [1n]);
    expect(await chain.balance(registry)).toBe(0n);
  });
});

describe('L-07 commitments not tied to their auditor', () => {
  const LINK = 'https://gist.github.com/auditor/l07';

  it('accepts the same commitment twice in a request', async () => {
    const id = await request(account(OTHER), 61n);
    await ok(MANAGER, 'approve', [id]);
    await ok(AUDITOR, 'submit_report', [id, commitmentOf(LINK), '']);
    expect(await reason(AUDITOR2, 'submit_report', [id, commitmentOf(LINK), ''])).toBe(
      'Audits: this commitment was already made',
    );
    // The author itself cannot commit it again either, and a replaced commitment is not freed.
    expect(await reason(AUDITOR, 'submit_report', [id, commitmentOf(LINK), ''])).toBe(
      'Audits: this commitment was already made',
    );
    await ok(AUDITOR, 'submit_report', [id, commitmentOf(`${LINK}/v2`), '']);
    expect(await reason(AUDITOR2, 'submit_report', [id, commitmentOf(LINK), ''])).toBe(
      'Audits: this commitment was already made',
    );
    expect(await read('commitment_used', [commitmentOf(LINK)])).toBe(true);
  });

  it('credits a revealed link twice when another auditor commits it again', async () => {
    const first = await request(account(OTHER), 61n);
    await ok(MANAGER, 'approve', [first]);
    await ok(MANAGER, 'start', [first]);
    await ok(AUDITOR, 'submit_report', [first, commitmentOf(LINK), '']);
    await ok(MANAGER, 'sign_report', [first, account(AUDITOR), 0n]);
    await ok(MANAGER, 'reveal_report', [first, account(AUDITOR), LINK, 1024n, 0n]);
    // The link is public now: another auditor tries to commit it to another request.
    const second = await request(account(OTHER), 61n);
    await ok(MANAGER, 'approve', [second]);
    await ok(MANAGER, 'start', [second]);
    expect(await reason(AUDITOR2, 'submit_report', [second, commitmentOf(LINK), ''])).toBe(
      'Audits: this commitment was already made',
    );
    expect(await read('karma_in_period', [0n, account(AUDITOR2)])).toBe(0n);
  });

  it("credits karma for a rejected request's report", async () => {
    const id = await request(account(OTHER), 61n);
    await ok(MANAGER, 'approve', [id]);
    await ok(AUDITOR, 'submit_report', [id, commitmentOf(LINK), '']);
    await ok(MANAGER, 'sign_report', [id, account(AUDITOR), 0n]);
    await ok(MANAGER2, 'reject', [id, 'Spam']);
    expect(await reason(MANAGER, 'reveal_report', [id, account(AUDITOR), LINK, 1024n, 0n])).toBe(
      'Audits: request is not in progress or completed',
    );
    expect(await read('karma_in_period', [0n, account(AUDITOR)])).toBe(0n);
  });

  it("keeps the whitepaper's rule: the commitment is Keccak-256 of the link, and its published example verifies", async () => {
    // The whitepaper's example: this gist link hashes to 026c43a2...2d2d.
    const example = 'https://gist.github.com/user/1234abc1234abc';
    const published: Hex = '0x026c43a23ba6a331739fe8d066b9bd1a6eac53982358aa3ff7cb5d0301712d2d';
    expect(commitmentOf(example)).toBe(published);
    const id = await request(account(OTHER), 61n);
    await ok(MANAGER, 'approve', [id]);
    await ok(AUDITOR, 'submit_report', [id, published, '']);
    await ok(MANAGER, 'start', [id]);
    await ok(MANAGER, 'sign_report', [id, account(AUDITOR), 0n]);
    await ok(MANAGER, 'reveal_report', [id, account(AUDITOR), example, 1024n, 0n]);
    expect((await reportsOf(id))[0]).toMatchObject({ commitment: published, revealed: true, karma: 10n });
  });
});
