// The mainnet-like stack of the e2e phase and the bench: a chain that looks like Callisto mainnet to the app.
// anvil with chain id 820, London rules and a first block of 20,000,000 (so event scans cover millions of blocks);
// the project's ColdStaking at V2's mainnet address and a V1-compatible test contract at V1's, each deployed
// normally and then moved there (anvil_setCode, plus the storage its constructor wrote: immutables live in the
// runtime code); no Multicall3; 1,000 stakers with real StartStaking events; and in front of it all the limiting
// JSON-RPC proxy, which refuses eth_getLogs over 5,000 blocks as public Callisto RPCs do.
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  numberToHex,
  pad,
  parseEther,
  type Abi,
  type Address,
  type Hex,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { coldStakingAbi, coldStakingBytecode } from '../../contracts-abi/ColdStaking';
import { coldStakingV1Abi } from '../../contracts-abi/ColdStakingV1';
import { callisto } from '../../lib/chain/chains';
import { anvilPrivateKeys } from '../../lib/chain/anvilAccounts';
import { findFreePort, startAnvil, type AnvilProcess } from './anvil';
import { coldStakingParams, readDeployments } from './deploy';
import { startLimitingRpcProxy, type LimitingRpcProxy } from './limitingRpcProxy';
import { compileTestContracts } from './solidity';
import { projectRoot } from './paths';
import { join } from 'node:path';

/** Callisto mainnet's block height, give or take: the first block of the mainnet-like chain. */
export const MAINNET_LIKE_START_BLOCK = 20_000_000;
/** The largest eth_getLogs span public Callisto RPCs commonly accept. */
export const MAINNET_LIKE_LOGS_RANGE = 5_000;
const DAY = 86_400n;
/** V1's idle limit before a report (two years, per its documented behaviour). */
const V1_MAX_DELAY = 730n * DAY;
/** Callisto's treasury address on mainnet: V1's `Treasury`. */
const MAINNET_TREASURY: Address = '0x74682Fc32007aF0b6118F259cBe7bCCC21641600';
/** Storage slots copied from a freshly deployed contract to its mainnet address: every slot a constructor of these
 * contracts writes sits well below this. */
const CONSTRUCTOR_SLOTS = 64;

export interface MainnetLikeStack {
  /** anvil itself (the wallet of the tests sends through it, as a wallet uses its own RPC). */
  anvilUrl: string;
  /** The limiting proxy: what the app is built against. */
  rpcUrl: string;
  proxy: LimitingRpcProxy;
  anvil: AnvilProcess;
  v2: Address;
  v1: Address;
  stop(): Promise<void>;
}

/** The addresses the app knows for chain 820 (contracts-abi/deployments/820.json). */
export function mainnetAddresses(): { v2: Address; v1: Address } {
  const file = readDeployments(callisto.id);
  const v2 = file.contracts.ColdStaking;
  const v1 = file.contracts.ColdStakingV1;
  if (!v2 || !v1) throw new Error('contracts-abi/deployments/820.json has no ColdStaking or ColdStakingV1');
  return { v2, v1 };
}

type Clients = ReturnType<typeof clientsFor>;

function clientsFor(rpcUrl: string, chainId: number = callisto.id) {
  const chain = { ...callisto, id: chainId, rpcUrls: { default: { http: [rpcUrl] } } };
  const transport = http(rpcUrl, { batch: { batchSize: 1_000 } });
  return {
    public: createPublicClient({ chain, transport, pollingInterval: 50 }),
    test: createTestClient({ chain, transport, mode: 'anvil' }),
    deployer: createWalletClient({ chain, transport, account: privateKeyToAccount(anvilPrivateKeys[0]) }),
  };
}

/** Deploys with CREATE, then puts the same runtime code and constructor storage at `target`. */
async function deployAt(c: Clients, abi: Abi, bytecode: Hex, args: readonly unknown[], target: Address): Promise<void> {
  const hash = await c.deployer.deployContract({ abi, bytecode, args });
  const receipt = await c.public.waitForTransactionReceipt({ hash });
  const deployed = receipt.contractAddress;
  if (receipt.status !== 'success' || !deployed) throw new Error('mainnet-like stack: a deployment reverted');
  const code = await c.public.getCode({ address: deployed });
  if (!code) throw new Error('mainnet-like stack: no code after deployment');
  await c.test.setCode({ address: target, bytecode: code });
  const slots = Array.from({ length: CONSTRUCTOR_SLOTS }, (_, i) => numberToHex(i, { size: 32 }));
  const values = await Promise.all(slots.map((slot) => c.public.getStorageAt({ address: deployed, slot })));
  await Promise.all(
    values.map((value, i) =>
      value && BigInt(value) !== 0n ? c.test.setStorageAt({ address: target, index: slots[i]!, value }) : undefined,
    ),
  );
}

/** A deterministic address for staker `i` (impersonated: anvil sends for it without a key). */
export function stakerAddress(i: number): Address {
  return pad(numberToHex(0x5e7a0000 + i), { size: 20 });
}

/**
 * Stakes `value` from each address into `contract` (V2's start_staking(rounds), or V1's start_staking()), as real
 * transactions: sent together with automine off, then mined into as many blocks as the gas limit needs.
 */
export async function stakeFrom(
  rpcUrl: string,
  contract: Address,
  stakers: readonly Address[],
  value: bigint,
  rounds?: bigint,
): Promise<void> {
  // Any anvil: the mainnet-like one (820) or the local stack's (31337, for the RPC budget spec).
  const chainId = await createPublicClient({ transport: http(rpcUrl) }).getChainId();
  const c = clientsFor(rpcUrl, chainId);
  await Promise.all(stakers.map((address) => c.test.setBalance({ address, value: value + parseEther('1') })));
  await Promise.all(stakers.map((address) => c.test.impersonateAccount({ address })));
  const wallet = createWalletClient({
    chain: c.public.chain,
    transport: http(rpcUrl, { batch: { batchSize: 1_000 } }),
  });
  await c.test.setAutomine(false);
  try {
    const hashes = await Promise.all(
      stakers.map((account) =>
        rounds === undefined
          ? wallet.writeContract({
              account,
              address: contract,
              abi: coldStakingV1Abi,
              functionName: 'start_staking',
              value,
              gas: 200_000n,
            })
          : wallet.writeContract({
              account,
              address: contract,
              abi: coldStakingAbi,
              functionName: 'start_staking',
              args: [rounds],
              value,
              gas: 200_000n,
            }),
      ),
    );
    for (let guard = 0; guard < 100; guard++) {
      await c.test.mine({ blocks: 1 });
      const pending = await c.public.getBlockTransactionCount({ blockTag: 'pending' });
      if (pending === 0) break;
    }
    const receipts = await Promise.all(hashes.map((hash) => c.public.getTransactionReceipt({ hash })));
    const failed = receipts.filter((r) => r.status !== 'success').length;
    if (failed > 0) throw new Error(`mainnet-like stack: ${failed} stake transaction(s) reverted`);
  } finally {
    await c.test.setAutomine(true);
    await Promise.all(stakers.map((address) => c.test.stopImpersonatingAccount({ address })));
  }
}

/**
 * Moves the stored field that the getter `what` reads from `current` to `next`. The field may share its slot with
 * others (ColdStaking packs its clock, lock, staker count and total amount in one slot): every aligned field among
 * the contract's first slots that holds `current` is a candidate, and the one whose change the getter sees is kept.
 */
async function moveStoredField(
  c: Clients,
  address: Address,
  what: 'Timestamp' | 'TotalStakingWeight',
  current: bigint,
  next: bigint,
): Promise<void> {
  const slots = Array.from({ length: CONSTRUCTOR_SLOTS }, (_, i) => numberToHex(i, { size: 32 }));
  const values = await Promise.all(
    slots.map(async (slot) => BigInt((await c.public.getStorageAt({ address, slot })) ?? '0x0')),
  );
  const read = () => c.public.readContract({ address, abi: coldStakingV1Abi, functionName: what });
  for (const [i, word] of values.entries()) {
    for (const bytes of [32, 16, 8, 5, 4]) {
      const mask = (1n << BigInt(bytes * 8)) - 1n;
      if (next > mask) continue;
      for (let offset = 0; offset + bytes <= 32; offset++) {
        const shift = BigInt(offset * 8);
        if (((word >> shift) & mask) !== current) continue;
        const moved = (word & ~(mask << shift)) | (next << shift);
        await c.test.setStorageAt({ address, index: slots[i]!, value: numberToHex(moved, { size: 32 }) });
        if ((await read()) === next) return;
        await c.test.setStorageAt({ address, index: slots[i]!, value: numberToHex(word, { size: 32 }) });
      }
    }
  }
  throw new Error(`mainnet-like stack: cannot tell which stored field ${what} reads`);
}

/**
 * Moves time on by `seconds` as ~seconds/25 blocks with nobody calling the contracts would (anvil cannot mine a
 * year of 25-second blocks in a test's time): the chain's clock jumps, and each contract's stored clock and total
 * weight move as its first call after those blocks would move them (Timestamp + s, TotalStakingWeight + s x
 * TotalStakingAmount). Stakes, events and every other rule stay those of real transactions.
 */
export async function advanceQuietTime(rpcUrl: string, contracts: readonly Address[], seconds: bigint): Promise<void> {
  const c = clientsFor(rpcUrl);
  for (const address of contracts) {
    const read = (functionName: 'Timestamp' | 'TotalStakingWeight' | 'TotalStakingAmount') =>
      c.public.readContract({ address, abi: coldStakingV1Abi, functionName });
    const [timestamp, weight, amount] = await Promise.all([
      read('Timestamp'),
      read('TotalStakingWeight'),
      read('TotalStakingAmount'),
    ]);
    // A zero weight cannot be told from the empty slots: a staker must have staked for a few seconds already.
    if (weight === 0n) throw new Error('mainnet-like stack: no staking weight yet to move on');
    await moveStoredField(c, address, 'Timestamp', timestamp, timestamp + seconds);
    await moveStoredField(c, address, 'TotalStakingWeight', weight, weight + seconds * amount);
  }
  const head = await c.public.getBlock();
  await c.test.setNextBlockTimestamp({ timestamp: head.timestamp + seconds });
  await c.test.mine({ blocks: 1 });
}

/** Block rewards: plain balance credits, with no call to the contract (its stored figures do not move). */
export async function creditBlockRewards(rpcUrl: string, address: Address, amount: bigint): Promise<void> {
  const c = clientsFor(rpcUrl);
  const balance = await c.public.getBalance({ address });
  await c.test.setBalance({ address, value: balance + amount });
}

export interface MainnetLikeOptions {
  /** eth_getLogs spans the proxy accepts. */
  maxLogsRange?: number;
}

/** Starts anvil and the proxy and places the two cold staking contracts; no stakers yet (see `fillStakers`). */
export async function startMainnetLikeStack(options: MainnetLikeOptions = {}): Promise<MainnetLikeStack> {
  const anvil = await startAnvil({
    port: await findFreePort(),
    chainId: callisto.id,
    hardfork: 'london',
    startBlock: MAINNET_LIKE_START_BLOCK,
  });
  let proxy: LimitingRpcProxy | undefined;
  try {
    const c = clientsFor(anvil.rpcUrl);
    const { v2, v1 } = mainnetAddresses();
    const params = coldStakingParams(false);
    await deployAt(
      c,
      coldStakingAbi,
      coldStakingBytecode,
      [params.roundInterval, params.maxDelay, params.maxSecondsPerBlock, c.deployer.account.address],
      v2,
    );
    const legacy = compileTestContracts(join(projectRoot, 'contracts')).find((x) => x.name === 'ColdStakingV1Legacy');
    if (!legacy) throw new Error('mainnet-like stack: contracts/test/ColdStakingV1Legacy.sol is missing');
    await deployAt(c, legacy.abi as Abi, legacy.bytecode, [params.roundInterval, V1_MAX_DELAY, MAINNET_TREASURY], v1);
    proxy = await startLimitingRpcProxy({
      upstream: anvil.rpcUrl,
      maxLogsRange: options.maxLogsRange ?? MAINNET_LIKE_LOGS_RANGE,
    });
    const started = proxy;
    return {
      anvilUrl: anvil.rpcUrl,
      rpcUrl: started.url,
      proxy: started,
      anvil,
      v2,
      v1,
      async stop() {
        await started.stop();
        await anvil.stop();
      },
    };
  } catch (error) {
    await proxy?.stop();
    await anvil.stop();
    throw error;
  }
}

export interface StakerFill {
  /** Stakers whose term ended over a year ago: the inactive ones any staker may report. */
  idle: number;
  /** Stakers still in term. */
  active: number;
  /** An anvil account (the e2e wallet's) with a stake in V1 and in V2. */
  viewer: Address;
}

/**
 * Fills the chain with real history: `idle` stakers for one round, then 400 days of quiet (their term plus the
 * 365-day limit has passed), then `active` stakers for 1-12 rounds; the viewer stakes in V1 and in V2 (12 rounds) before the
 * quiet time, so both its positions can be withdrawn with a reward; block rewards arrive in both without any call, so V1's stored pool is stale as on mainnet.
 */
export async function fillStakers(stack: MainnetLikeStack, fill: StakerFill): Promise<void> {
  const url = stack.anvilUrl;
  const idle = Array.from({ length: fill.idle }, (_, i) => stakerAddress(i));
  const active = Array.from({ length: fill.active }, (_, i) => stakerAddress(fill.idle + i));
  const c = clientsFor(url);
  const later = async (seconds: bigint) =>
    c.test.setNextBlockTimestamp({ timestamp: (await c.public.getBlock()).timestamp + seconds });
  await stakeFrom(url, stack.v1, [fill.viewer], parseEther('250'));
  // V1's clock moves on by a call (anyone may make one), so its stake has some weight before the quiet time.
  await later(20n);
  await c.public.waitForTransactionReceipt({
    hash: await c.deployer.writeContract({ address: stack.v1, abi: coldStakingV1Abi, functionName: 'new_block' }),
  });
  await stakeFrom(url, stack.v2, idle, parseEther('10'), 1n);
  await later(20n);
  await stakeFrom(url, stack.v2, [fill.viewer], parseEther('500'), 12n);
  await advanceQuietTime(url, [stack.v2, stack.v1], 400n * DAY);
  for (let rounds = 1n; rounds <= 12n; rounds++) {
    const group = active.filter((_, i) => BigInt(i % 12) + 1n === rounds);
    if (group.length > 0) await stakeFrom(url, stack.v2, group, parseEther('100') + rounds, rounds);
  }
  await creditBlockRewards(url, stack.v2, parseEther('50000'));
  await creditBlockRewards(url, stack.v1, parseEther('1234.5'));
  // Quiet blocks after the last call, so the stored clocks lag behind the chain's; more than the history engine
  // re-reads on every visit (32), so a second visit finds the stakers' events in its cache, as on mainnet, where the
  // last few blocks hold a few events, not the whole history.
  await c.test.mine({ blocks: 40, interval: 15 });
}
