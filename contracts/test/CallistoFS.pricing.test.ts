// Property test of the price of contracts/CallistoFS.sol against lib/files/pricing.ts: for random unit and floor
// prices (up to MAX_PRICE), random node capacities (none to four nodes, 1 MB to 2^64 - 1 MB), a random first upload
// (pending: its bytes are committed) paid with exactly the deposit the library computes, and random sizes and
// utilisations, the contract's `price_per_mb`, `quote`, `totals().price_per_mb` and its refusals equal what
// `pricePerMb` and `computeUploadDeposit` predict, to the wei.
// FUZZ_RUNS=n runs n cases (50 by default).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, http, type Address, type PublicClient } from 'viem';
import { callistoFSAbi, callistoFSBytecode } from '../../contracts-abi/CallistoFS';
import { computeUploadDeposit, MB, pricePerMb, type PricingTotals, type UploadRefusal } from '../../lib/files/pricing';
import { startTestChain, type TestChain } from './harness';

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const OWNER = 0;
const UPLOADER = 3;
const CID = 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku';
/** Fractions are numerators over 2^32: 0 and 2^32 are empty and full. */
const ONE = 2n ** 32n;
/** The largest value this test sends in a transaction (see runCase). */
const MAX_VALUE = 2n ** 120n;

const REASONS: Record<UploadRefusal, string> = {
  empty: 'CallistoFS: file is empty',
  'no-nodes': 'CallistoFS: no host node is elected',
  'over-capacity': 'CallistoFS: not enough free capacity',
  unaffordable: 'CallistoFS: deposit beyond any balance',
};
const MAX_PRICE = 10n ** 30n;

interface Case {
  unit: bigint;
  floor: bigint;
  capacitiesMb: bigint[];
  /** The first upload's share of the capacity (none when 0). */
  firstShare: bigint;
  /** Sizes to quote, as shares of the capacity, plus fixed sizes around the free space. */
  sizeShares: bigint[];
  /** Utilisations to price, as shares of the capacity (up to twice it). */
  usedShares: bigint[];
}

const share = (max: bigint) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.bigInt({ min: 0n, max }) },
    { weight: 1, arbitrary: fc.constantFrom(0n, 1n, ONE / 4n, ONE / 2n, ONE - 1n, ONE) },
  );

const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 24n }) },
    { weight: 1, arbitrary: fc.constantFrom(0n, 1n, 7n, 10n ** 18n, MAX_PRICE) },
  ),
  floor: fc.oneof(
    { weight: 4, arbitrary: fc.bigInt({ min: 1n, max: 10n ** 18n }) },
    { weight: 1, arbitrary: fc.constantFrom(1n, 3n, 10n ** 16n, MAX_PRICE) },
  ),
  capacitiesMb: fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.bigInt({ min: 1n, max: 1_000_000n }) },
      { weight: 1, arbitrary: fc.constantFrom(1n, 2n ** 64n - 1n) },
    ),
    { minLength: 0, maxLength: 4 },
  ),
  firstShare: share(ONE),
  sizeShares: fc.array(share(ONE), { minLength: 1, maxLength: 4 }),
  usedShares: fc.array(share(2n * ONE), { minLength: 1, maxLength: 4 }),
});

let chain: TestChain;
/** Batches the reads of one case into one HTTP request. */
let reader: PublicClient;

const account = (i: number): Address => chain.accounts[i]!.address;

beforeAll(async () => {
  chain = await startTestChain();
  reader = createPublicClient({ chain: chain.publicClient.chain, transport: http(chain.rpcUrl, { batch: true }) });
  await chain.setBalance(account(UPLOADER), 2n * MAX_VALUE);
});

afterAll(async () => {
  await chain?.stop();
});

/** quote(size) as the library's result type: the price and deposit, or the refusal its reason names. */
async function contractQuote(fs: Address, size: bigint) {
  try {
    const [pricePerMb, deposit] = await reader.readContract({
      address: fs,
      abi: callistoFSAbi,
      functionName: 'quote',
      args: [size],
    });
    return { pricePerMb, deposit };
  } catch (error) {
    const reason = (error as { cause?: { reason?: string } }).cause?.reason;
    const refusal = (Object.keys(REASONS) as UploadRefusal[]).find((key) => REASONS[key] === reason);
    if (!refusal) throw error;
    return { error: refusal };
  }
}

async function runCase(c: Case): Promise<void> {
  const fs = await chain.deploy(callistoFSAbi, callistoFSBytecode, [account(OWNER), c.unit, c.floor]);
  for (const [i, capacityMb] of c.capacitiesMb.entries()) {
    const node = `0x${(i + 1).toString(16).padStart(40, '0')}` as Address;
    const receipt = await chain.write(OWNER, {
      address: fs,
      abi: callistoFSAbi,
      functionName: 'add_host_node',
      args: [node, `https://node${i}.example`, capacityMb],
    });
    expect(receipt.status).toBe('success');
  }
  const capacity = c.capacitiesMb.reduce((sum, mb) => sum + mb * MB, 0n);
  const totalsOf = (pending: bigint): PricingTotals => ({
    used_bytes: 0n,
    pending_bytes: pending,
    capacity_bytes: capacity,
    node_count: BigInt(c.capacitiesMb.length),
    unit_price: c.unit,
    floor_price: c.floor,
  });

  // The first upload pays exactly what the library computes; one wei less is refused.
  let used = 0n;
  const first = (capacity * c.firstShare) / ONE;
  const firstQuote = computeUploadDeposit(first, totalsOf(0n));
  expect(await contractQuote(fs, first)).toEqual(firstQuote);
  // anvil refuses a transaction whose value reaches 2^128 wei whatever the balance: such a deposit is only quoted.
  if (!('error' in firstQuote) && firstQuote.deposit < MAX_VALUE) {
    const request = {
      address: fs,
      abi: callistoFSAbi,
      functionName: 'upload' as const,
      args: [CID, first, 'first'] as const,
    };
    if (firstQuote.deposit > 0n) {
      expect(await chain.revertReason(UPLOADER, { ...request, value: firstQuote.deposit - 1n })).toBe(
        'CallistoFS: deposit below the quote',
      );
    }
    const receipt = await chain.write(UPLOADER, { ...request, value: firstQuote.deposit });
    expect(receipt.status).toBe('success');
    used = first;
  }

  const onChain = await reader.readContract({ address: fs, abi: callistoFSAbi, functionName: 'totals' });
  expect(onChain).toMatchObject({ used_bytes: 0n, pending_bytes: used, capacity_bytes: capacity });
  expect(onChain.price_per_mb).toBe(pricePerMb(used, capacity, c.unit, c.floor));

  const free = capacity > used ? capacity - used : 0n;
  const sizes = [...c.sizeShares.map((s) => (capacity * s) / ONE), 0n, 1n, free > 0n ? free - 1n : 0n, free, free + 1n];
  const quotes = await Promise.all(sizes.map((size) => contractQuote(fs, size)));
  sizes.forEach((size, i) => expect(quotes[i], `quote(${size})`).toEqual(computeUploadDeposit(size, totalsOf(used))));

  const utilisations = c.usedShares.map((s) => (capacity * s) / ONE);
  const prices = await Promise.all(
    utilisations.map((u) =>
      reader.readContract({ address: fs, abi: callistoFSAbi, functionName: 'price_per_mb', args: [u] }),
    ),
  );
  utilisations.forEach((u, i) =>
    expect(prices[i], `price_per_mb(${u})`).toBe(pricePerMb(u, capacity, c.unit, c.floor)),
  );
}

describe('CallistoFS pricing', () => {
  it(
    'equals lib/files/pricing for random prices, capacities and utilisations',
    async () => {
      await fc.assert(
        fc.asyncProperty(caseArbitrary, async (c) => {
          const snapshot = await chain.snapshot();
          try {
            await runCase(c);
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
