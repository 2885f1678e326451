// Rules of contracts/AuditRegistry.sol on a real anvil: roles, the life of a request, commit / sign / reveal of
// reports, karma and active status, the audited list and the payout periods. Each test starts from the same
// snapshot: two managers, three auditors, nothing else.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  encodeFunctionData,
  getAddress,
  keccak256,
  parseEther,
  parseEventLogs,
  size,
  toHex,
  zeroAddress,
  type Address,
  type Hex,
  type TransactionReceipt,
} from 'viem';
import { auditRegistryAbi, auditRegistryBytecode } from '../../contracts-abi/AuditRegistry';
import { multicall3Abi, multicall3Bytecode } from '../../contracts-abi/Multicall3';
import { karmaFor } from '../../lib/audits/karma';
import { RequestState } from '../../lib/audits/requests';
import { startTestChain, testContract, type TestChain, revertAfterEachTest } from './harness';

const DAY = 86_400n;
const ACTIVE = 30n * DAY;
const PERIOD = 27n * DAY;
const KARMA_PER_KB = 10n;
const ERROR_PENALTY = 7n;
const PARAMS = { karmaPerKb: KARMA_PER_KB, errorPenalty: ERROR_PENALTY };

const OWNER = 0;
const MANAGER = 1;
const MANAGER2 = 2;
const AUDITOR = 3;
const AUDITOR2 = 4;
const AUDITOR3 = 5;
const REQUESTER = 6;
const OTHER = 7;

const SOURCE = 'https://github.com/example/token/blob/main/Token.sol';
const LINK = 'https://gist.github.com/auditor/0123456789abcdef';
const commitmentOf = (link: string): Hex => keccak256(toHex(link));
const NO_FINDINGS = { critical: 0, high: 0, medium: 0, low: 0, owner_privileges: 0 };

let chain: TestChain;
let registry: Address;

const account = (i: number): Address => chain.accounts[i]!.address;

function expectSuccess(receipt: TransactionReceipt): TransactionReceipt {
  expect(receipt.status).toBe('success');
  return receipt;
}

type Write = Parameters<TestChain['write']>[1];
// Every call of the registry, typed by the ABI.
const call = (from: number, functionName: string, args: readonly unknown[] = [], value?: bigint) =>
  chain.write(from, { address: registry, abi: auditRegistryAbi, functionName, args, value } as unknown as Write);
const reason = (from: number, functionName: string, args: readonly unknown[] = [], value?: bigint) =>
  chain.revertReason(from, {
    address: registry,
    abi: auditRegistryAbi,
    functionName,
    args,
    value,
  } as unknown as Write);
const ok = async (from: number, functionName: string, args: readonly unknown[] = [], value?: bigint) =>
  expectSuccess(await call(from, functionName, args, value));

const read = <T>(functionName: string, args: readonly unknown[] = []): Promise<T> =>
  chain.publicClient.readContract({
    address: registry,
    abi: auditRegistryAbi,
    functionName,
    args,
  } as never) as Promise<T>;

interface RequestView {
  id: bigint;
  contract_address: Address;
  chain_id: bigint;
  requester: Address;
  source_url: string;
  description: string;
  platform: string;
  state: number;
  reject_reason: string;
  passed: boolean;
  severity: typeof NO_FINDINGS;
  submitted_at: bigint;
  approved_at: bigint;
  started_at: bigint;
  closed_at: bigint;
  report_count: bigint;
}
interface ReportView {
  auditor: Address;
  commitment: Hex;
  signed: boolean;
  revealed: boolean;
  late: boolean;
  errors: bigint;
  karma: bigint;
  link: string;
  committed_at: bigint;
}
interface MemberView {
  account: Address;
  contact: string;
  active_role: boolean;
  karma: bigint;
  active_until: bigint;
  reports_revealed: bigint;
}

const getRequest = (id: bigint) => read<RequestView>('get_request', [id]);
const getReports = (id: bigint) => read<readonly ReportView[]>('get_reports', [id]);
const auditorEntry = async (i: number): Promise<MemberView> => {
  const all = await read<readonly MemberView[]>('get_auditors', [0n, 100n]);
  const entry = all.find((m) => m.account === account(i));
  if (!entry) throw new Error(`account ${i} is not listed`);
  return entry;
};

/** Submits a request (by REQUESTER unless told) and returns its id. */
async function submit(
  contractAddress: Address = account(OTHER),
  chainId: bigint = 820n,
  from = REQUESTER,
): Promise<bigint> {
  const id = await read<bigint>('request_count');
  await ok(from, 'submit_request', [contractAddress, chainId, SOURCE, 'An ERC-20 token', 'Solidity 0.8.30']);
  return id;
}

async function approved(contractAddress?: Address, chainId?: bigint): Promise<bigint> {
  const id = await submit(contractAddress, chainId);
  await ok(MANAGER, 'approve', [id]);
  return id;
}

/** Adds an auditor: `manager` nominates it and the other manager confirms. */
async function addAuditor(auditor: number, contact: string, manager = MANAGER) {
  await ok(manager, 'nominate_auditor', [account(auditor), contact]);
  await ok(manager === MANAGER ? MANAGER2 : MANAGER, 'confirm_auditor', [account(auditor)]);
}

/** Commits, signs and reveals a report of `auditor` with `errors` and the given complexity, starting an approved
 * request first (reports are revealed in progress). */
async function fullReport(id: bigint, auditor: number, errors = 0n, complexity = 3000n, link = LINK) {
  await ok(auditor, 'submit_report', [id, commitmentOf(link), '']);
  await ok(MANAGER, 'sign_report', [id, account(auditor), errors]);
  if ((await getRequest(id)).state === RequestState.Approved) await ok(MANAGER, 'start', [id]);
  return ok(MANAGER, 'reveal_report', [id, account(auditor), link, complexity, 0n]);
}

beforeAll(async () => {
  chain = await startTestChain();
  registry = await chain.deploy(auditRegistryAbi, auditRegistryBytecode, [
    account(OWNER),
    ACTIVE,
    PERIOD,
    KARMA_PER_KB,
    ERROR_PENALTY,
  ]);
  await ok(OWNER, 'appoint_manager', [account(MANAGER), 'manager@callisto.network']);
  await ok(OWNER, 'appoint_manager', [account(MANAGER2), '@second_manager']);
  await addAuditor(AUDITOR, 'auditor@example.com');
  await addAuditor(AUDITOR2, '@auditor2');
  await addAuditor(AUDITOR3, '@auditor3');
});

revertAfterEachTest(() => chain);

describe('deployment', () => {
  it('stores the parameters with the owner given (not the deployer)', async () => {
    const other = await chain.deploy(auditRegistryAbi, auditRegistryBytecode, [account(OTHER), 1n, 2n, 3n, 4n]);
    const get = (functionName: string) =>
      chain.publicClient.readContract({ address: other, abi: auditRegistryAbi, functionName } as never);
    expect(await get('owner')).toBe(account(OTHER));
    expect(await get('active_period')).toBe(1n);
    expect(await get('payout_period')).toBe(2n);
    expect(await get('karma_per_kb')).toBe(3n);
    expect(await get('error_penalty')).toBe(4n);
    expect(await get('genesis')).toBe(await chain.now());
    expect(await get('current_period')).toBe(0n);
  });

  it('refuses bad parameters', async () => {
    const bad = [
      [zeroAddress, 1n, 1n, 1n, 0n],
      [account(0), 0n, 1n, 1n, 0n],
      [account(0), 1n, 0n, 1n, 0n],
      [account(0), 1n, 1n, 0n, 0n],
      [account(0), 1n, 1n, 2n ** 128n, 0n],
      [account(0), 1n, 1n, 1n, 2n ** 128n],
    ] as const;
    for (const args of bad) {
      await expect(chain.deploy(auditRegistryAbi, auditRegistryBytecode, args)).rejects.toThrow();
    }
  });
});

describe('roles', () => {
  it('lists managers and auditors with their contacts', async () => {
    expect(await read('manager_count')).toBe(2n);
    expect(await read('auditor_count')).toBe(3n);
    const managers = await read<readonly MemberView[]>('get_managers', [0n, 10n]);
    expect(managers.map((m) => [m.account, m.contact, m.active_role])).toEqual([
      [account(MANAGER), 'manager@callisto.network', true],
      [account(MANAGER2), '@second_manager', true],
    ]);
    const page = await read<readonly MemberView[]>('get_auditors', [1n, 1n]);
    expect(page.map((m) => m.account)).toEqual([account(AUDITOR2)]);
    expect(await read<readonly MemberView[]>('get_auditors', [5n, 10n])).toEqual([]);
    expect(await read('is_manager', [account(MANAGER)])).toBe(true);
    expect(await read('is_manager', [account(AUDITOR)])).toBe(false);
    expect(await read('is_auditor', [account(AUDITOR)])).toBe(true);
    expect(await read('is_auditor', [account(OTHER)])).toBe(false);
  });

  it('lets only the owner appoint and dismiss managers', async () => {
    expect(await reason(MANAGER, 'appoint_manager', [account(OTHER), 'x'])).toBe(
      'Audits: only the owner or governance may do this',
    );
    expect(await reason(MANAGER, 'dismiss_manager', [account(MANAGER2)])).toBe(
      'Audits: only the owner or governance may do this',
    );
    expect(await reason(OWNER, 'appoint_manager', [zeroAddress, 'x'])).toBe('Audits: account is the zero address');
    expect(await reason(OWNER, 'appoint_manager', [account(OTHER), ''])).toBe('Audits: contact must be 1 to 100 bytes');
    expect(await reason(OWNER, 'appoint_manager', [account(OTHER), 'x'.repeat(101)])).toBe(
      'Audits: contact must be 1 to 100 bytes',
    );
    expect(await reason(OWNER, 'dismiss_manager', [account(OTHER)])).toBe('Audits: not a manager');
  });

  it('keeps a dismissed manager in the list, and reuses the entry on a new appointment', async () => {
    const receipt = await ok(OWNER, 'dismiss_manager', [account(MANAGER2)]);
    const [event] = parseEventLogs({ abi: auditRegistryAbi, logs: receipt.logs, eventName: 'ManagerDismissed' });
    expect(event!.args.manager).toBe(account(MANAGER2));
    expect(await read('is_manager', [account(MANAGER2)])).toBe(false);
    expect(await reason(MANAGER2, 'approve', [await submit()])).toBe('Audits: only a manager may do this');
    let managers = await read<readonly MemberView[]>('get_managers', [0n, 10n]);
    expect(managers[1]).toMatchObject({ account: account(MANAGER2), active_role: false });
    await ok(OWNER, 'appoint_manager', [account(MANAGER2), 'new@contact']);
    managers = await read<readonly MemberView[]>('get_managers', [0n, 10n]);
    expect(managers).toHaveLength(2);
    expect(managers[1]).toMatchObject({ contact: 'new@contact', active_role: true });
  });

  it('lets only managers add and remove auditors', async () => {
    for (const from of [OWNER, AUDITOR]) {
      expect(await reason(from, 'nominate_auditor', [account(OTHER), 'x'])).toBe('Audits: only a manager may do this');
      expect(await reason(from, 'confirm_auditor', [account(OTHER)])).toBe('Audits: only a manager may do this');
      expect(await reason(from, 'cancel_nomination', [account(OTHER)])).toBe('Audits: only a manager may do this');
    }
    expect(await reason(AUDITOR, 'remove_auditor', [account(AUDITOR2)])).toBe('Audits: only a manager may do this');
    expect(await reason(MANAGER, 'nominate_auditor', [account(MANAGER2), 'x'])).toBe(
      'Audits: a manager cannot be an auditor',
    );
    expect(await reason(MANAGER, 'nominate_auditor', [zeroAddress, 'x'])).toBe('Audits: account is the zero address');
    expect(await reason(MANAGER, 'nominate_auditor', [account(OTHER), ''])).toBe(
      'Audits: contact must be 1 to 100 bytes',
    );
    expect(await reason(MANAGER, 'remove_auditor', [account(OTHER)])).toBe('Audits: not an auditor');
    await ok(MANAGER, 'remove_auditor', [account(AUDITOR3)]);
    expect(await read('is_auditor', [account(AUDITOR3)])).toBe(false);
    expect(await auditorEntry(AUDITOR3)).toMatchObject({ active_role: false, contact: '@auditor3' });
    expect(await reason(AUDITOR3, 'submit_report', [await approved(), commitmentOf(LINK), ''])).toBe(
      'Audits: only an auditor may do this',
    );
    await addAuditor(AUDITOR3, '@back', MANAGER2);
    expect(await read('auditor_count')).toBe(3n);
    expect(await auditorEntry(AUDITOR3)).toMatchObject({ active_role: true, contact: '@back' });
  });

  it('transfers ownership, after which only the new owner appoints', async () => {
    expect(await reason(MANAGER, 'transfer_ownership', [account(OTHER)])).toBe('Audits: only the owner may do this');
    expect(await reason(OWNER, 'transfer_ownership', [zeroAddress])).toBe('Audits: new owner is the zero address');
    const receipt = await ok(OWNER, 'transfer_ownership', [account(OTHER)]);
    const [event] = parseEventLogs({ abi: auditRegistryAbi, logs: receipt.logs, eventName: 'OwnershipTransferred' });
    expect(event!.args).toEqual({ previous_owner: account(OWNER), new_owner: account(OTHER) });
    expect(await read('owner')).toBe(account(OTHER));
    expect(await reason(OWNER, 'appoint_manager', [account(8), 'x'])).toBe(
      'Audits: only the owner or governance may do this',
    );
    await ok(OTHER, 'appoint_manager', [account(8), 'x']);
    expect(await read('is_manager', [account(8)])).toBe(true);
  });
});

describe('governance', () => {
  const GOVERNANCE = 8;
  const STRANGER = 9;

  it('is set once, by the owner, to a non-zero address', async () => {
    expect(await read('governance')).toBe(zeroAddress);
    expect(await reason(MANAGER, 'set_governance', [account(GOVERNANCE)])).toBe(
      'Audits: only the owner may set governance',
    );
    expect(await reason(OWNER, 'set_governance', [zeroAddress])).toBe('Audits: governance is the zero address');
    const receipt = await ok(OWNER, 'set_governance', [account(GOVERNANCE)]);
    const [event] = parseEventLogs({ abi: auditRegistryAbi, logs: receipt.logs, eventName: 'GovernanceSet' });
    expect(event!.args).toEqual({ governance: account(GOVERNANCE) });
    expect(await read('governance')).toBe(account(GOVERNANCE));
    expect(await reason(OWNER, 'set_governance', [account(STRANGER)])).toBe('Audits: governance is already set');
    expect(await reason(GOVERNANCE, 'set_governance', [account(STRANGER)])).toBe(
      'Audits: only the owner may set governance',
    );
  });

  it('lets governance appoint and dismiss managers, with the same rules as the owner', async () => {
    expect(await reason(GOVERNANCE, 'appoint_manager', [account(OTHER), 'x'])).toBe(
      'Audits: only the owner or governance may do this',
    );
    await ok(OWNER, 'set_governance', [account(GOVERNANCE)]);
    const receipt = await ok(GOVERNANCE, 'appoint_manager', [account(OTHER), 'gov@pick']);
    const [event] = parseEventLogs({ abi: auditRegistryAbi, logs: receipt.logs, eventName: 'ManagerAppointed' });
    expect(event!.args).toEqual({ manager: account(OTHER), contact: 'gov@pick' });
    expect(await read('is_manager', [account(OTHER)])).toBe(true);
    await ok(GOVERNANCE, 'dismiss_manager', [account(MANAGER)]);
    expect(await read('is_manager', [account(MANAGER)])).toBe(false);
    expect(await reason(GOVERNANCE, 'dismiss_manager', [account(MANAGER)])).toBe('Audits: not a manager');
    // The owner keeps the power alongside governance; governance gains nothing else.
    await ok(OWNER, 'dismiss_manager', [account(OTHER)]);
    expect(await reason(GOVERNANCE, 'transfer_ownership', [account(GOVERNANCE)])).toBe(
      'Audits: only the owner may do this',
    );
    expect(await reason(GOVERNANCE, 'nominate_auditor', [account(STRANGER), 'x'])).toBe(
      'Audits: only a manager may do this',
    );
  });

  it('refuses strangers', async () => {
    await ok(OWNER, 'set_governance', [account(GOVERNANCE)]);
    expect(await reason(STRANGER, 'appoint_manager', [account(STRANGER), 'x'])).toBe(
      'Audits: only the owner or governance may do this',
    );
    expect(await reason(STRANGER, 'dismiss_manager', [account(MANAGER)])).toBe(
      'Audits: only the owner or governance may do this',
    );
  });
});

describe('requests', () => {
  it('stores a submitted request, free, with its submitter and time', async () => {
    const receipt = await ok(REQUESTER, 'submit_request', [
      account(OTHER),
      820n,
      SOURCE,
      'An ERC-20 token',
      'Solidity 0.8.30',
    ]);
    const [event] = parseEventLogs({ abi: auditRegistryAbi, logs: receipt.logs, eventName: 'RequestSubmitted' });
    expect(event!.args).toEqual({ id: 0n, requester: account(REQUESTER), contract_address: account(OTHER) });
    const block = await chain.publicClient.getBlock({ blockNumber: receipt.blockNumber });
    expect(await getRequest(0n)).toMatchObject({
      id: 0n,
      contract_address: account(OTHER),
      chain_id: 820n,
      requester: account(REQUESTER),
      source_url: SOURCE,
      description: 'An ERC-20 token',
      platform: 'Solidity 0.8.30',
      state: RequestState.Pending,
      submitted_at: block.timestamp,
      approved_at: 0n,
      report_count: 0n,
    });
    expect(await read('request_count')).toBe(1n);
    await expect(getRequest(1n)).rejects.toThrow('Audits: no such request');
  });

  it('refuses each bad field with its own reason', async () => {
    const good = [account(OTHER), 820n, SOURCE, 'desc', 'Solidity'] as const;
    const cases: [number, unknown, string][] = [
      [0, zeroAddress, 'Audits: contract address is the zero address'],
      [1, 0n, 'Audits: chain id must be 1 to 2^64 - 1'],
      [1, 2n ** 64n, 'Audits: chain id must be 1 to 2^64 - 1'],
      [2, '', 'Audits: source URL must be 1 to 256 bytes'],
      [2, `https://${'a'.repeat(249)}`, 'Audits: source URL must be 1 to 256 bytes'],
      [2, 'http://example.com', 'Audits: source URL must start with https:// or ipfs://'],
      [2, 'ipfs:/', 'Audits: source URL must start with https:// or ipfs://'],
      [3, '', 'Audits: description must be 1 to 500 bytes'],
      [3, 'd'.repeat(501), 'Audits: description must be 1 to 500 bytes'],
      [4, '', 'Audits: platform must be 1 to 32 bytes'],
      [4, 'p'.repeat(33), 'Audits: platform must be 1 to 32 bytes'],
    ];
    for (const [index, value, expected] of cases) {
      const args: unknown[] = [...good];
      args[index] = value;
      expect(await reason(REQUESTER, 'submit_request', args)).toBe(expected);
    }
    // The bounds themselves are accepted.
    await ok(REQUESTER, 'submit_request', [
      account(OTHER),
      2n ** 64n - 1n,
      `ipfs://${'a'.repeat(249)}`,
      'd'.repeat(500),
      'p'.repeat(32),
    ]);
  });

  it('goes Pending -> Approved -> InProgress with the times recorded', async () => {
    const id = await submit();
    const approve = await ok(MANAGER, 'approve', [id]);
    const [changed] = parseEventLogs({ abi: auditRegistryAbi, logs: approve.logs, eventName: 'RequestStateChanged' });
    expect(changed!.args).toEqual({ id, state: RequestState.Approved });
    const approvedAt = await chain.now();
    await chain.increaseTime(DAY);
    await ok(MANAGER2, 'start', [id]);
    expect(await getRequest(id)).toMatchObject({
      state: RequestState.InProgress,
      approved_at: approvedAt,
      started_at: await chain.now(),
    });
  });

  it('lets only managers approve, start and reject', async () => {
    const id = await submit();
    for (const from of [OWNER, AUDITOR, REQUESTER]) {
      expect(await reason(from, 'approve', [id])).toBe('Audits: only a manager may do this');
      expect(await reason(from, 'start', [id])).toBe('Audits: only a manager may do this');
      expect(await reason(from, 'reject', [id, 'spam'])).toBe('Audits: only a manager may do this');
      expect(await reason(from, 'complete', [id, true, NO_FINDINGS])).toBe('Audits: only a manager may do this');
    }
    expect(await reason(MANAGER, 'approve', [99n])).toBe('Audits: no such request');
  });

  it('refuses transitions from the wrong state', async () => {
    const id = await submit();
    expect(await reason(MANAGER, 'start', [id])).toBe('Audits: request is not approved');
    expect(await reason(MANAGER, 'complete', [id, true, NO_FINDINGS])).toBe('Audits: request is not in progress');
    await ok(MANAGER, 'approve', [id]);
    expect(await reason(MANAGER, 'approve', [id])).toBe('Audits: request is not pending');
    await ok(MANAGER, 'start', [id]);
    expect(await reason(MANAGER, 'start', [id])).toBe('Audits: request is not approved');
    expect(await reason(MANAGER, 'reject', [id, 'late'])).toBe('Audits: request is not pending or approved');
  });

  it('rejects a pending or approved request with a reason', async () => {
    const pending = await submit();
    expect(await reason(MANAGER, 'reject', [pending, ''])).toBe('Audits: reason must be 1 to 200 bytes');
    expect(await reason(MANAGER, 'reject', [pending, 'r'.repeat(201)])).toBe('Audits: reason must be 1 to 200 bytes');
    await ok(MANAGER, 'reject', [pending, 'Not a contract']);
    expect(await getRequest(pending)).toMatchObject({
      state: RequestState.Rejected,
      reject_reason: 'Not a contract',
      closed_at: await chain.now(),
    });
    expect(await reason(MANAGER, 'approve', [pending])).toBe('Audits: request is not pending');
    expect(await reason(AUDITOR, 'submit_report', [pending, commitmentOf(LINK), ''])).toBe(
      'Audits: request is not approved or in progress',
    );
    const approvedId = await approved();
    await ok(MANAGER, 'reject', [approvedId, 'r'.repeat(200)]);
    expect((await getRequest(approvedId)).state).toBe(RequestState.Rejected);
  });

  it('pages requests oldest first', async () => {
    for (let i = 0; i < 3; i++) await submit();
    const page = await read<readonly RequestView[]>('get_requests', [1n, 5n]);
    expect(page.map((r) => r.id)).toEqual([1n, 2n]);
    expect(await read('get_requests', [3n, 5n])).toEqual([]);
  });
});

describe('reports', () => {
  it('refuses commitments from non-auditors, on pending requests and of zero', async () => {
    const id = await submit();
    expect(await reason(AUDITOR, 'submit_report', [id, commitmentOf(LINK), ''])).toBe(
      'Audits: request is not approved or in progress',
    );
    await ok(MANAGER, 'approve', [id]);
    for (const from of [MANAGER, OWNER, REQUESTER]) {
      expect(await reason(from, 'submit_report', [id, commitmentOf(LINK), ''])).toBe(
        'Audits: only an auditor may do this',
      );
    }
    expect(await reason(AUDITOR, 'submit_report', [id, `0x${'0'.repeat(64)}`, ''])).toBe('Audits: commitment is zero');
    expect(await reason(AUDITOR, 'submit_report', [99n, commitmentOf(LINK), ''])).toBe('Audits: no such request');
  });

  it('records a commitment, replaceable until signed', async () => {
    const id = await approved();
    const receipt = await ok(AUDITOR, 'submit_report', [id, commitmentOf('first'), '']);
    const [event] = parseEventLogs({ abi: auditRegistryAbi, logs: receipt.logs, eventName: 'ReportCommitted' });
    expect(event!.args).toEqual({
      request_id: id,
      auditor: account(AUDITOR),
      commitment: commitmentOf('first'),
      envelope_cid: '',
    });
    await chain.increaseTime(60);
    await ok(AUDITOR, 'submit_report', [id, commitmentOf(LINK), '']);
    let reports = await getReports(id);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      auditor: account(AUDITOR),
      commitment: commitmentOf(LINK),
      signed: false,
      revealed: false,
      late: false,
      committed_at: await chain.now(),
    });
    expect((await getRequest(id)).report_count).toBe(1n);

    await ok(MANAGER, 'sign_report', [id, account(AUDITOR), 2n]);
    expect(await reason(AUDITOR, 'submit_report', [id, commitmentOf('other'), ''])).toBe(
      'Audits: the report is already signed',
    );
    expect(await reason(MANAGER, 'sign_report', [id, account(AUDITOR), 0n])).toBe(
      'Audits: the report is already signed',
    );
    reports = await getReports(id);
    expect(reports[0]).toMatchObject({ signed: true, errors: 2n, commitment: commitmentOf(LINK) });
  });

  it('lets only managers sign, and only existing reports, with at most 1000 errors', async () => {
    const id = await approved();
    await ok(AUDITOR, 'submit_report', [id, commitmentOf(LINK), '']);
    for (const from of [OWNER, AUDITOR, AUDITOR2]) {
      expect(await reason(from, 'sign_report', [id, account(AUDITOR), 0n])).toBe('Audits: only a manager may do this');
    }
    expect(await reason(MANAGER, 'sign_report', [id, account(AUDITOR2), 0n])).toBe(
      'Audits: no report from this auditor',
    );
    expect(await reason(MANAGER, 'sign_report', [id, account(AUDITOR), 1001n])).toBe('Audits: at most 1000 errors');
    const receipt = await ok(MANAGER, 'sign_report', [id, account(AUDITOR), 1000n]);
    const [event] = parseEventLogs({ abi: auditRegistryAbi, logs: receipt.logs, eventName: 'ReportSigned' });
    expect(event!.args).toEqual({ request_id: id, auditor: account(AUDITOR), errors: 1000n });
  });

  it('reveals only signed reports whose link matches the commitment, once', async () => {
    const id = await approved();
    await ok(AUDITOR, 'submit_report', [id, commitmentOf(LINK), '']);
    await ok(AUDITOR2, 'submit_report', [id, commitmentOf('unsigned'), '']);
    await ok(MANAGER, 'sign_report', [id, account(AUDITOR), 0n]);
    // Reports are revealed once the request is in progress (or completed), never before nor after a rejection.
    expect(await reason(MANAGER, 'reveal_report', [id, account(AUDITOR), LINK, 3000n, 0n])).toBe(
      'Audits: request is not in progress or completed',
    );
    await ok(MANAGER, 'start', [id]);
    expect(await reason(MANAGER, 'reveal_report', [id, account(AUDITOR2), 'unsigned', 3000n, 0n])).toBe(
      'Audits: the report is not signed',
    );
    expect(await reason(AUDITOR, 'reveal_report', [id, account(AUDITOR), LINK, 3000n, 0n])).toBe(
      'Audits: only a manager may do this',
    );
    expect(await reason(MANAGER, 'reveal_report', [id, account(AUDITOR), `${LINK}x`, 3000n, 0n])).toBe(
      'Audits: the link does not match the commitment',
    );
    expect(await reason(MANAGER, 'reveal_report', [id, account(AUDITOR), LINK, 0n, 0n])).toBe(
      'Audits: complexity must be 1 to 24576 bytes',
    );
    expect(await reason(MANAGER, 'reveal_report', [id, account(AUDITOR), LINK, 24_577n, 0n])).toBe(
      'Audits: complexity must be 1 to 24576 bytes',
    );
    const receipt = await ok(MANAGER2, 'reveal_report', [id, account(AUDITOR), LINK, 3000n, 0n]);
    const karma = karmaFor(PARAMS, 3000n, 0n);
    expect(karma).toBe(30n);
    const [event] = parseEventLogs({ abi: auditRegistryAbi, logs: receipt.logs, eventName: 'ReportRevealed' });
    expect(event!.args).toEqual({ request_id: id, auditor: account(AUDITOR), link: LINK, karma });
    expect((await getReports(id))[0]).toMatchObject({ revealed: true, link: LINK, karma });
    expect(await reason(MANAGER, 'reveal_report', [id, account(AUDITOR), LINK, 3000n, 0n])).toBe(
      'Audits: the report is already revealed',
    );
  });

  it('refuses to store a revealed link longer than 256 bytes (a 100,021-byte link once widened every page to 818,000 px)', async () => {
    // The attack: an auditor commits the hash of a huge link; its reveal stored 100,021 bytes on chain for every
    // reader of the registry to download and lay out.
    const huge = `https://example.org/${'a'.repeat(100_001)}`;
    expect(huge.length).toBe(100_021);
    const atBound = `https://example.org/${'b'.repeat(236)}`;
    expect(atBound.length).toBe(256);
    const id = await approved();
    await ok(AUDITOR, 'submit_report', [id, commitmentOf(huge), '']);
    await ok(AUDITOR2, 'submit_report', [id, commitmentOf(`${atBound}c`), '']);
    await ok(AUDITOR3, 'submit_report', [id, commitmentOf(''), '']);
    for (const auditor of [AUDITOR, AUDITOR2, AUDITOR3]) await ok(MANAGER, 'sign_report', [id, account(auditor), 0n]);
    await ok(MANAGER, 'start', [id]);
    expect(await reason(MANAGER, 'reveal_report', [id, account(AUDITOR), huge, 3000n, 0n])).toBe(
      'Audits: link must be 1 to 256 bytes',
    );
    expect(await reason(MANAGER, 'reveal_report', [id, account(AUDITOR2), `${atBound}c`, 3000n, 0n])).toBe(
      'Audits: link must be 1 to 256 bytes',
    );
    expect(await reason(MANAGER, 'reveal_report', [id, account(AUDITOR3), '', 3000n, 0n])).toBe(
      'Audits: link must be 1 to 256 bytes',
    );
    expect(await read<bigint>('MAX_LINK_BYTES')).toBe(256n);
    // Nothing was stored; a link of exactly 256 bytes reveals.
    expect((await getReports(id)).every((r) => !r.revealed && r.link === '')).toBe(true);
    const next = await approved();
    await fullReport(next, AUDITOR, 0n, 3000n, atBound);
    expect((await getReports(next))[0]).toMatchObject({ revealed: true, link: atBound });
  });

  it('credits karma with error penalties, never below zero, and renews active status', async () => {
    const id = await approved();
    await fullReport(id, AUDITOR, 1n, 3000n, 'a');
    const revealedAt = await chain.now();
    await fullReport(id, AUDITOR2, 5n, 3000n, 'b');
    expect(await auditorEntry(AUDITOR)).toMatchObject({
      karma: 23n,
      reports_revealed: 1n,
      active_until: revealedAt + ACTIVE,
    });
    expect(await auditorEntry(AUDITOR2)).toMatchObject({ karma: 0n, reports_revealed: 1n });
    expect(await read('is_active', [account(AUDITOR)])).toBe(true);
    expect(await read('is_active', [account(AUDITOR3)])).toBe(false);
    expect(await read('karma_in_period', [0n, account(AUDITOR)])).toBe(23n);
    expect(await read('total_karma_in_period', [0n])).toBe(23n);
    await chain.increaseTime(ACTIVE);
    expect(await read('is_active', [account(AUDITOR)])).toBe(false);
  });

  it('measures complexity with the code size of a contract on this chain, ignoring the figure given', async () => {
    const target = await chain.deploy(multicall3Abi, multicall3Bytecode, []);
    const code = await chain.publicClient.getCode({ address: target });
    const codeSize = BigInt(size(code!));
    const chainId = BigInt(await chain.publicClient.getChainId());
    const id = await approved(target, chainId);
    expect(await read('complexity_of', [id])).toBe(codeSize);
    await fullReport(id, AUDITOR, 0n, 20_000n, 'on-chain');
    expect((await getReports(id))[0]!.karma).toBe(karmaFor(PARAMS, codeSize, 0n));
    expect(karmaFor(PARAMS, codeSize, 0n)).not.toBe(karmaFor(PARAMS, 20_000n, 0n));

    // The same address on another chain, and an address without code here: the manager's figure.
    const elsewhere = await approved(target, chainId + 1n);
    expect(await read('complexity_of', [elsewhere])).toBe(0n);
    await fullReport(elsewhere, AUDITOR, 0n, 20_000n, 'elsewhere');
    expect((await getReports(elsewhere))[0]!.karma).toBe(karmaFor(PARAMS, 20_000n, 0n));
    const noCode = await approved(account(OTHER), chainId);
    await fullReport(noCode, AUDITOR, 0n, 5000n, 'no-code');
    expect((await getReports(noCode))[0]!.karma).toBe(karmaFor(PARAMS, 5000n, 0n));
  });

  it('marks reports first committed in progress as late: karma, but no renewal of active status', async () => {
    const id = await approved();
    await ok(AUDITOR, 'submit_report', [id, commitmentOf('early'), '']);
    await ok(MANAGER, 'start', [id]);
    // Replacing an early commitment after the start keeps it early.
    await ok(AUDITOR, 'submit_report', [id, commitmentOf(LINK), '']);
    await ok(AUDITOR2, 'submit_report', [id, commitmentOf('late'), '']);
    const reports = await getReports(id);
    expect(reports.map((r) => [r.auditor, r.late])).toEqual([
      [account(AUDITOR), false],
      [account(AUDITOR2), true],
    ]);
    await ok(MANAGER, 'sign_report', [id, account(AUDITOR2), 0n]);
    await ok(MANAGER, 'reveal_report', [id, account(AUDITOR2), 'late', 3000n, 0n]);
    expect(await auditorEntry(AUDITOR2)).toMatchObject({ karma: 30n, active_until: 0n, reports_revealed: 1n });

    // An earlier active status is neither renewed nor shortened by a late report.
    const other = await approved();
    await fullReport(other, AUDITOR2, 0n, 1n, 'early2');
    const until = (await auditorEntry(AUDITOR2)).active_until;
    await chain.increaseTime(DAY);
    const third = await approved();
    await ok(MANAGER, 'start', [third]);
    await fullReport(third, AUDITOR2, 0n, 1n, 'late2');
    expect((await auditorEntry(AUDITOR2)).active_until).toBe(until);
  });

  it('lets a removed auditor keep a committed report revealed and credited', async () => {
    const id = await approved();
    await ok(AUDITOR3, 'submit_report', [id, commitmentOf(LINK), '']);
    await ok(MANAGER, 'remove_auditor', [account(AUDITOR3)]);
    await ok(MANAGER, 'sign_report', [id, account(AUDITOR3), 0n]);
    await ok(MANAGER, 'start', [id]);
    await ok(MANAGER, 'reveal_report', [id, account(AUDITOR3), LINK, 1024n, 0n]);
    expect((await auditorEntry(AUDITOR3)).karma).toBe(10n);
  });
});

describe('verdicts and the audited list', () => {
  const findings = { critical: 1, high: 2, medium: 3, low: 4, owner_privileges: 5 };

  it('needs an in-progress request with a revealed report', async () => {
    const id = await approved();
    await ok(AUDITOR, 'submit_report', [id, commitmentOf(LINK), '']);
    expect(await reason(MANAGER, 'complete', [id, true, NO_FINDINGS])).toBe('Audits: request is not in progress');
    await ok(MANAGER, 'start', [id]);
    expect(await reason(MANAGER, 'complete', [id, true, NO_FINDINGS])).toBe('Audits: no report is revealed');
    await ok(MANAGER, 'sign_report', [id, account(AUDITOR), 0n]);
    expect(await reason(MANAGER, 'complete', [id, true, NO_FINDINGS])).toBe('Audits: no report is revealed');
    await ok(MANAGER, 'reveal_report', [id, account(AUDITOR), LINK, 3000n, 0n]);
    const receipt = await ok(MANAGER, 'complete', [id, false, findings]);
    const [event] = parseEventLogs({ abi: auditRegistryAbi, logs: receipt.logs, eventName: 'RequestCompleted' });
    expect(event!.args).toEqual({ id, contract_address: account(OTHER), passed: false });
    expect(await getRequest(id)).toMatchObject({
      state: RequestState.Completed,
      passed: false,
      severity: findings,
      closed_at: await chain.now(),
    });
    expect(await reason(MANAGER, 'complete', [id, true, NO_FINDINGS])).toBe('Audits: request is not in progress');
    expect(await reason(AUDITOR2, 'submit_report', [id, commitmentOf('x'), ''])).toBe(
      'Audits: request is not approved or in progress',
    );
  });

  it('counts the open queue: submitted requests until they are rejected or completed', async () => {
    const before = await read<bigint>('open_request_count');
    const rejected = await submit();
    const completed = await approved();
    expect(await read('open_request_count')).toBe(before + 2n);
    await ok(MANAGER, 'start', [completed]);
    expect(await read('open_request_count')).toBe(before + 2n);
    await ok(MANAGER, 'reject', [rejected, 'Spam']);
    expect(await read('open_request_count')).toBe(before + 1n);
    await fullReport(completed, AUDITOR, 0n, 1000n, 'queue-link');
    await ok(MANAGER, 'complete', [completed, true, NO_FINDINGS]);
    expect(await read('open_request_count')).toBe(before);
  });

  it('lists completed requests newest first and answers is_audited', async () => {
    const chainId = BigInt(await chain.publicClient.getChainId());
    const targets: Address[] = [];
    for (let i = 0; i < 3; i++) targets.push(getAddress(await chain.deploy(multicall3Abi, multicall3Bytecode, [])));
    expect(await read('is_audited', [targets[0]])).toBe(false);
    const ids: bigint[] = [];
    for (const [i, target] of targets.entries()) {
      const id = await approved(target, chainId);
      await ok(MANAGER, 'start', [id]);
      await fullReport(id, AUDITOR, 0n, 1000n, `link-${i}`);
      ids.push(id);
    }
    // Completed in the order 2, 0: request 1 stays in progress.
    await ok(MANAGER, 'complete', [ids[2]!, true, NO_FINDINGS]);
    await ok(MANAGER, 'complete', [ids[0]!, true, findings]);
    expect(await read('audited_count')).toBe(2n);
    const page = await read<readonly RequestView[]>('get_audited', [0n, 10n]);
    expect(page.map((r) => r.id)).toEqual([ids[0], ids[2]]);
    expect(page[0]).toMatchObject({ contract_address: targets[0]!, state: RequestState.Completed, severity: findings });
    expect((await read<readonly RequestView[]>('get_audited', [1n, 1n])).map((r) => r.id)).toEqual([ids[2]]);
    expect(await read('get_audited', [2n, 1n])).toEqual([]);
    expect(await read('is_audited', [targets[0]])).toBe(true);
    expect(await read('is_audited', [targets[1]])).toBe(false);
    expect(await read('is_audited', [targets[2]])).toBe(true);
  });
});

describe('payouts', () => {
  it('adds funds to the budget of the current period', async () => {
    const receipt = await ok(OTHER, 'fund', [], parseEther('3'));
    const [event] = parseEventLogs({ abi: auditRegistryAbi, logs: receipt.logs, eventName: 'Funded' });
    expect(event!.args).toEqual({ from: account(OTHER), period: 0n, amount: parseEther('3') });
    const hash = await chain.wallet(OTHER).sendTransaction({ to: registry, value: parseEther('2') });
    await chain.publicClient.waitForTransactionReceipt({ hash });
    expect(await read('period_budget', [0n])).toBe(parseEther('5'));
    await chain.increaseTime(PERIOD);
    await ok(OTHER, 'fund', [], parseEther('1'));
    expect(await read('period_budget', [1n])).toBe(parseEther('1'));
  });

  it('pays each auditor a share by karma, once, after the period', async () => {
    const id = await approved();
    await fullReport(id, AUDITOR, 0n, 2048n, 'a'); // 20 karma
    await fullReport(id, AUDITOR2, 0n, 1024n, 'b'); // 10 karma
    await ok(OTHER, 'fund', [], 100n);
    expect(await reason(AUDITOR, 'claim', [0n])).toBe('Audits: the period has not ended');
    expect(await read('claimable', [0n, account(AUDITOR)])).toBe(0n);
    await chain.increaseTime(PERIOD);
    expect(await read('claimable', [0n, account(AUDITOR)])).toBe(66n);
    expect(await read('claimable', [0n, account(AUDITOR2)])).toBe(33n);
    expect(await reason(AUDITOR3, 'claim', [0n])).toBe('Audits: no karma in this period');
    expect(await reason(AUDITOR, 'claim', [1n])).toBe('Audits: the period has not ended');

    const before = await chain.balance(account(AUDITOR));
    const receipt = await ok(AUDITOR, 'claim', [0n]);
    expect(await chain.balance(account(AUDITOR))).toBe(before + 66n - chain.gasCost(receipt));
    const [event] = parseEventLogs({ abi: auditRegistryAbi, logs: receipt.logs, eventName: 'Claimed' });
    expect(event!.args).toEqual({ auditor: account(AUDITOR), period: 0n, amount: 66n });
    expect(await read('claimed', [0n, account(AUDITOR)])).toBe(true);
    expect(await read('claimable', [0n, account(AUDITOR)])).toBe(0n);
    expect(await reason(AUDITOR, 'claim', [0n])).toBe('Audits: already claimed');

    // A removed auditor still claims karma earned before.
    await ok(MANAGER, 'remove_auditor', [account(AUDITOR2)]);
    await ok(AUDITOR2, 'claim', [0n]);
    expect(await chain.balance(registry)).toBe(1n); // rounding dust
  });

  it('refuses a claim of an unfunded period', async () => {
    await fullReport(await approved(), AUDITOR, 0n, 1024n);
    await chain.increaseTime(PERIOD);
    expect(await reason(AUDITOR, 'claim', [0n])).toBe('Audits: nothing to claim');
  });

  it('keeps karma of different periods apart', async () => {
    const id = await approved();
    await fullReport(id, AUDITOR, 0n, 1024n, 'a');
    await chain.increaseTime(PERIOD);
    await fullReport(id, AUDITOR2, 0n, 1024n, 'b');
    await ok(OTHER, 'fund', [], 50n);
    expect(await read('karma_in_period', [1n, account(AUDITOR2)])).toBe(10n);
    expect(await read('karma_in_period', [1n, account(AUDITOR)])).toBe(0n);
    await chain.increaseTime(PERIOD);
    expect(await reason(AUDITOR, 'claim', [0n])).toBe('Audits: nothing to claim');
    expect(await read('claimable', [1n, account(AUDITOR2)])).toBe(50n);
  });
});

describe('hostile auditors', () => {
  const { abi: hostileAbi, bytecode: hostileBytecode } = testContract('HostileActor');

  /** A hostile auditor with 10 karma in period 0 and a funded, ended period. */
  async function hostileWithKarma(refuse: boolean): Promise<Address> {
    const hostile = await chain.deploy(hostileAbi, hostileBytecode, []);
    const claimData = encodeFunctionData({ abi: auditRegistryAbi, functionName: 'claim', args: [0n] });
    expectSuccess(
      await chain.write(0, {
        address: hostile,
        abi: hostileAbi,
        functionName: 'configure',
        args: [registry, claimData, refuse],
      }),
    );
    await ok(MANAGER, 'nominate_auditor', [hostile, '@hostile']);
    await ok(MANAGER2, 'confirm_auditor', [hostile]);
    const id = await approved();
    const commit = encodeFunctionData({
      abi: auditRegistryAbi,
      functionName: 'submit_report',
      args: [id, commitmentOf(LINK), ''],
    });
    expectSuccess(
      await chain.write(0, { address: hostile, abi: hostileAbi, functionName: 'exec', args: [registry, commit] }),
    );
    await ok(MANAGER, 'sign_report', [id, hostile, 0n]);
    await ok(MANAGER, 'start', [id]);
    await ok(MANAGER, 'reveal_report', [id, hostile, LINK, 1024n, 0n]);
    await fullReport(id, AUDITOR, 0n, 1024n, 'other');
    await ok(OTHER, 'fund', [], 1000n);
    await chain.increaseTime(PERIOD);
    return hostile;
  }

  const claimFrom = (hostile: Address) =>
    chain.write(0, {
      address: hostile,
      abi: hostileAbi,
      functionName: 'exec',
      args: [registry, encodeFunctionData({ abi: auditRegistryAbi, functionName: 'claim', args: [0n] })],
    });

  it('pays a re-entering claimant once', async () => {
    const hostile = await hostileWithKarma(false);
    expectSuccess(await claimFrom(hostile));
    expect(await chain.balance(hostile)).toBe(500n);
    const view = (functionName: string) =>
      chain.publicClient.readContract({ address: hostile, abi: hostileAbi, functionName });
    expect(await view('reentries')).toBe(1n);
    expect(await view('failed_reentries')).toBe(1n);
    expect(await chain.balance(registry)).toBe(500n);
  });

  it('keeps the share claimable when the claimant refuses the payment', async () => {
    const hostile = await hostileWithKarma(true);
    expect((await claimFrom(hostile)).status).toBe('reverted');
    expect(await read('claimed', [0n, hostile])).toBe(false);
    expect(await read('claimable', [0n, hostile])).toBe(500n);
  });
});
