// Property test of the karma of contracts/AuditRegistry.sol against lib/audits/karma.ts: for random karma
// parameters and random sequences of reveals (three auditors, random complexities given by the manager or read
// from the code of a contract on this chain, random error counts, random time jumps across payout periods), each
// auditor's on-chain karma, each report's karma, the karma of each auditor in each period and the period totals
// equal what `karmaFor` predicts. FUZZ_RUNS=n runs n sequences (50 by default).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keccak256, size, toHex, type Address, type Hex, type TransactionReceipt } from 'viem';
import { auditRegistryAbi, auditRegistryBytecode } from '../../contracts-abi/AuditRegistry';
import { multicall3Abi, multicall3Bytecode } from '../../contracts-abi/Multicall3';
import { karmaFor, type KarmaParameters } from '../../lib/audits/karma';
import { startTestChain, type TestChain } from './harness';

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const PERIOD = 1000n;
const ACTIVE = 500n;
const MANAGER = 1;
/** Confirms the auditors the first manager nominates: adding an auditor takes two managers. */
const MANAGER2 = 5;
const AUDITORS = [2, 3, 4];

interface Reveal {
  auditor: number;
  /** Undefined: the request is for the contract deployed on this chain, whose code size counts. */
  complexity: bigint | undefined;
  errors: bigint;
  /** Seconds to move the clock before the reveal. */
  gap: number;
}

const revealArbitrary: fc.Arbitrary<Reveal> = fc.record({
  auditor: fc.constantFrom(...AUDITORS),
  complexity: fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.bigInt({ min: 1n, max: 24_576n }) },
    { weight: 1, arbitrary: fc.constantFrom(1n, 1023n, 1024n, 1025n, 24_576n) },
  ),
  errors: fc.oneof({ weight: 4, arbitrary: fc.bigInt({ min: 0n, max: 10n }) }, fc.constantFrom(0n, 1000n)),
  gap: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 2500 })),
});

const paramsArbitrary: fc.Arbitrary<KarmaParameters> = fc.record({
  karmaPerKb: fc.oneof(fc.bigInt({ min: 1n, max: 1000n }), fc.constant(2n ** 128n - 1n)),
  errorPenalty: fc.oneof(fc.bigInt({ min: 0n, max: 2000n }), fc.constant(2n ** 128n - 1n)),
});

let chain: TestChain;
let target: Address;
let targetSize: bigint;
let chainId: bigint;

const account = (i: number): Address => chain.accounts[i]!.address;

function expectSuccess(receipt: TransactionReceipt): TransactionReceipt {
  expect(receipt.status).toBe('success');
  return receipt;
}

beforeAll(async () => {
  chain = await startTestChain();
  target = await chain.deploy(multicall3Abi, multicall3Bytecode, []);
  targetSize = BigInt(size((await chain.publicClient.getCode({ address: target }))!));
  chainId = BigInt(await chain.publicClient.getChainId());
});

afterAll(async () => {
  await chain?.stop();
});

async function runSequence(params: KarmaParameters, reveals: Reveal[]): Promise<void> {
  const registry = await chain.deploy(auditRegistryAbi, auditRegistryBytecode, [
    account(0),
    ACTIVE,
    PERIOD,
    params.karmaPerKb,
    params.errorPenalty,
  ]);
  const genesis = (await chain.publicClient.readContract({
    address: registry,
    abi: auditRegistryAbi,
    functionName: 'genesis',
  })) as bigint;
  const send = async (from: number, functionName: string, args: readonly unknown[]) =>
    expectSuccess(
      await chain.write(from, { address: registry, abi: auditRegistryAbi, functionName, args } as unknown as Parameters<
        TestChain['write']
      >[1]),
    );
  const read = (functionName: string, args: readonly unknown[]) =>
    chain.publicClient.readContract({ address: registry, abi: auditRegistryAbi, functionName, args } as never);

  await send(0, 'appoint_manager', [account(MANAGER), 'manager']);
  await send(0, 'appoint_manager', [account(MANAGER2), 'second manager']);
  for (const a of AUDITORS) {
    await send(MANAGER, 'nominate_auditor', [account(a), `auditor ${a}`]);
    await send(MANAGER2, 'confirm_auditor', [account(a)]);
  }

  const expected = new Map<number, bigint>(AUDITORS.map((a) => [a, 0n]));
  const inPeriod = new Map<string, bigint>();
  const periodTotals = new Map<bigint, bigint>();
  for (const [i, reveal] of reveals.entries()) {
    const onChain = reveal.complexity === undefined;
    const contractAddress = onChain ? target : account(9);
    // Another chain id for figures given by the manager, so that an address with code here does not interfere.
    await send(6, 'submit_request', [contractAddress, onChain ? chainId : 61n, 'ipfs://source', 'fuzz', 'Solidity']);
    const id = BigInt(i);
    await send(MANAGER, 'approve', [id]);
    const link = `https://gist.github.com/fuzz/${i}`;
    const commitment: Hex = keccak256(toHex(link));
    await send(reveal.auditor, 'submit_report', [id, commitment, '']);
    await send(MANAGER, 'sign_report', [id, account(reveal.auditor), reveal.errors]);
    await send(MANAGER, 'start', [id]);
    if (reveal.gap > 0) await chain.increaseTime(reveal.gap);
    const receipt = await send(MANAGER, 'reveal_report', [
      id,
      account(reveal.auditor),
      link,
      reveal.complexity ?? 0n,
      0n,
    ]);
    const { timestamp } = await chain.publicClient.getBlock({ blockNumber: receipt.blockNumber });
    const period = (timestamp - genesis) / PERIOD;

    const karma = karmaFor(params, onChain ? targetSize : reveal.complexity!, reveal.errors);
    const [report] = (await read('get_reports', [id])) as readonly { karma: bigint }[];
    expect(report!.karma).toBe(karma);
    expected.set(reveal.auditor, expected.get(reveal.auditor)! + karma);
    const key = `${period}:${reveal.auditor}`;
    inPeriod.set(key, (inPeriod.get(key) ?? 0n) + karma);
    periodTotals.set(period, (periodTotals.get(period) ?? 0n) + karma);
  }

  const members = (await read('get_auditors', [0n, 10n])) as readonly { account: Address; karma: bigint }[];
  for (const a of AUDITORS) {
    expect(members.find((m) => m.account === account(a))!.karma).toBe(expected.get(a));
  }
  for (const [key, karma] of inPeriod) {
    const [period, auditor] = key.split(':');
    expect(await read('karma_in_period', [BigInt(period!), account(Number(auditor))])).toBe(karma);
  }
  for (const [period, total] of periodTotals) {
    expect(await read('total_karma_in_period', [period])).toBe(total);
  }
}

describe('AuditRegistry karma', () => {
  it(
    'equals the sum of karmaFor over the revealed reports, per auditor and per period',
    async () => {
      await fc.assert(
        fc.asyncProperty(paramsArbitrary, fc.array(revealArbitrary, { minLength: 1, maxLength: 8 }), async (p, r) => {
          const snapshot = await chain.snapshot();
          try {
            await runSequence(p, r);
          } finally {
            await chain.revert(snapshot);
          }
        }),
        { numRuns: RUNS },
      );
    },
    Math.max(60_000, RUNS * 1_000),
  );
});
