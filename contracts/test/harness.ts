// The contract test harness: one real anvil per test file, on a free port, with viem clients for anvil's
// funded accounts and helpers for deploying, time travel and balance credits.
//
//   const chain = await startTestChain();          // in beforeAll
//   const staking = await chain.deploy(coldStakingAbi, coldStakingBytecode, [roundInterval, maxDelay, owner]);
//   await chain.write(1, { address: staking, abi: coldStakingAbi, functionName: 'start_staking', args: [2n], value });
//   await chain.stop();                              // in afterAll
import { join } from 'node:path';
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  type Abi,
  type Address,
  type ContractConstructorArgs,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type Hex,
  type PublicClient,
  type TestClient,
  type TransactionReceipt,
  type WalletClient,
  type Transport,
  type Chain,
  type Account,
} from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { callistoLocal } from '../../lib/chain/chains';
import { anvilPrivateKeys } from '../../lib/chain/anvilAccounts';
import { findFreePort, startAnvil, type AnvilProcess } from '../../scripts/lib/anvil';
import { projectRoot } from '../../scripts/lib/paths';
import { compileTestContracts, type CompiledContract } from '../../scripts/lib/solidity';

export type LocalWalletClient = WalletClient<Transport, Chain, Account>;

export interface WriteRequest<abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>> {
  address: Address;
  abi: abi;
  functionName: name;
  args?: ContractFunctionArgs<abi, 'nonpayable' | 'payable', name>;
  value?: bigint;
  gas?: bigint;
}

export interface TestChain {
  rpcUrl: string;
  anvil: AnvilProcess;
  publicClient: PublicClient<Transport, Chain>;
  testClient: TestClient<'anvil', Transport, Chain>;
  /** anvil's ten funded accounts (10,000 CLO each on a fresh chain). */
  accounts: PrivateKeyAccount[];
  wallet(index: number): LocalWalletClient;
  /** Deploys with plain CREATE from `from` (default account 0) and returns the address. */
  deploy<const abi extends Abi>(
    abi: abi,
    bytecode: Hex,
    args: ContractConstructorArgs<abi>,
    options?: { from?: number; value?: bigint },
  ): Promise<Address>;
  /**
   * Sends a transaction without simulating it first and returns its receipt; a revert does not throw here
   * (check `receipt.status`), use `expectRevert` for the reason.
   */
  write<const abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
    from: number,
    request: WriteRequest<abi, name>,
  ): Promise<TransactionReceipt>;
  /** Simulates the call and returns the revert reason, or throws if it would succeed. */
  revertReason<const abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
    from: number,
    request: WriteRequest<abi, name>,
  ): Promise<string>;
  /** Moves the chain clock forward and mines one block with the new timestamp. */
  increaseTime(seconds: number | bigint): Promise<void>;
  /** Mines `blocks` blocks, `interval` seconds apart (anvil_mine); without interval, at the chain's own pace. */
  mine(blocks: number, interval?: number): Promise<void>;
  /** Fixes the timestamp of the next block (mined by the next transaction or `mine`). */
  setNextBlockTimestamp(timestamp: bigint): Promise<void>;
  /** The timestamp of the latest block. */
  now(): Promise<bigint>;
  setBalance(address: Address, wei: bigint): Promise<void>;
  balance(address: Address): Promise<bigint>;
  /** The CLO an account spent on gas in a receipt. */
  gasCost(receipt: TransactionReceipt): bigint;
  snapshot(): Promise<Hex>;
  revert(id: Hex): Promise<void>;
  stop(): Promise<void>;
}

/** `hardfork`: the EVM rules (anvil's `--hardfork`); the gas figures use `london`, Callisto mainnet's. */
export async function startTestChain(options: { hardfork?: string } = {}): Promise<TestChain> {
  const anvil = await startAnvil({ port: await findFreePort(), chainId: callistoLocal.id, hardfork: options.hardfork });
  const chain = { ...callistoLocal, rpcUrls: { default: { http: [anvil.rpcUrl] } } } as Chain;
  // A short polling interval: anvil mines at once, and viem's default would wait seconds for each receipt.
  const transport = http(anvil.rpcUrl);
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 20 });
  const testClient = createTestClient({ chain, transport, mode: 'anvil', pollingInterval: 20 });
  const accounts = anvilPrivateKeys.map((key) => privateKeyToAccount(key));
  const wallets = accounts.map((account) => createWalletClient({ chain, transport, account, pollingInterval: 20 }));

  const wallet = (index: number): LocalWalletClient => {
    const client = wallets[index];
    if (!client) throw new Error(`no anvil account ${index}`);
    return client;
  };

  const harness: TestChain = {
    rpcUrl: anvil.rpcUrl,
    anvil,
    publicClient,
    testClient,
    accounts,
    wallet,
    async deploy(abi, bytecode, args, options) {
      const hash = await wallet(options?.from ?? 0).deployContract({
        abi: abi as Abi,
        bytecode,
        args: args as readonly unknown[],
        value: options?.value,
      } as Parameters<LocalWalletClient['deployContract']>[0]);
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success' || !receipt.contractAddress) throw new Error('deployment reverted');
      return receipt.contractAddress;
    },
    async write(from, request) {
      const hash = await wallet(from).writeContract({
        ...request,
        // A fixed gas limit skips estimation, which would throw on a revert before the transaction is sent.
        gas: request.gas ?? 5_000_000n,
      } as unknown as Parameters<LocalWalletClient['writeContract']>[0]);
      return publicClient.waitForTransactionReceipt({ hash });
    },
    async revertReason(from, request) {
      try {
        await publicClient.simulateContract({
          ...request,
          account: accounts[from],
        } as unknown as Parameters<typeof publicClient.simulateContract>[0]);
      } catch (error) {
        const reason = (error as { cause?: { reason?: string }; shortMessage?: string }).cause?.reason;
        return reason ?? (error as { shortMessage?: string }).shortMessage ?? String(error);
      }
      throw new Error(`expected ${String(request.functionName)} to revert, but it would succeed`);
    },
    async increaseTime(seconds) {
      await testClient.increaseTime({ seconds: Number(seconds) });
      await testClient.mine({ blocks: 1 });
    },
    async mine(blocks, interval) {
      await testClient.mine({ blocks, interval });
    },
    async setNextBlockTimestamp(timestamp) {
      await testClient.setNextBlockTimestamp({ timestamp });
    },
    async now() {
      return (await publicClient.getBlock()).timestamp;
    },
    async setBalance(address, wei) {
      await testClient.setBalance({ address, value: wei });
    },
    balance(address) {
      return publicClient.getBalance({ address });
    },
    gasCost(receipt) {
      return receipt.gasUsed * receipt.effectiveGasPrice;
    },
    snapshot() {
      return testClient.snapshot();
    },
    async revert(id) {
      await testClient.revert({ id });
    },
    stop() {
      return anvil.stop();
    },
  };
  return harness;
}

let testContracts: CompiledContract[] | undefined;

/** A test-only contract of contracts/test/*.sol (an attacker, a hostile account), compiled once a test file. */
export function testContract(name: string): { abi: Abi; bytecode: Hex } {
  testContracts ??= compileTestContracts(join(projectRoot, 'contracts'));
  const found = testContracts.find((c) => c.name === name);
  if (!found) throw new Error(`no test contract ${name} in contracts/test/`);
  return { abi: found.abi as Abi, bytecode: found.bytecode };
}

/** Every test of a file starts from the chain its `beforeAll` set up: a snapshot before each test, a revert after it;
 * the chain stops with the file. `chain` is read lazily, since `beforeAll` assigns it after this call. */
export function revertAfterEachTest(chain: () => TestChain | undefined): void {
  let snapshot: Hex | undefined;
  beforeEach(async () => {
    snapshot = await chain()!.snapshot();
  });
  afterEach(async () => {
    if (snapshot) await chain()!.revert(snapshot);
  });
  afterAll(async () => {
    await chain()?.stop();
  });
}
