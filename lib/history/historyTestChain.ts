// Test fixture for the history engine: a real anvil that starts at a high block number (so a scan from block 0
// spans hundreds of thousands of blocks without mining them: anvil mines a few hundred blocks a second at best),
// a ColdStaking contract whose StartStaking and Claim events make the history, and the limiting proxy in front.
// Used by the engine's tests only.
import { spawn } from 'node:child_process';
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  parseEther,
  type Address,
  type Hex,
  type PublicClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { coldStakingAbi, coldStakingBytecode } from '../../contracts-abi/ColdStaking';
import { callistoLocal } from '../chain/chains';
import { anvilPrivateKeys } from '../chain/anvilAccounts';
import { anvilBinaryPath, findFreePort } from '../../scripts/lib/anvil';
import {
  startLimitingRpcProxy,
  type LimitingRpcProxy,
  type LimitingRpcProxyOptions,
} from '../../scripts/lib/limitingRpcProxy';

export interface HistoryTestChain {
  anvilUrl: string;
  /** The chain's first block (anvil --number). */
  firstBlock: bigint;
  staking: Address;
  deployBlock: bigint;
  /** anvil's funded accounts, by index. */
  accounts: Address[];
  /** A client straight to anvil (no limits). */
  direct: PublicClient;
  /** Stakes 1 CLO from anvil account `from` (1-9); returns the block of its StartStaking event. */
  stake(from: number): Promise<bigint>;
  mine(blocks: number): Promise<void>;
  head(): Promise<bigint>;
  snapshot(): Promise<Hex>;
  revert(id: Hex): Promise<void>;
  /** A proxy refusing eth_getLogs over `maxLogsRange` blocks, and a viem client through it with no retries. */
  proxy(
    options?: Omit<LimitingRpcProxyOptions, 'upstream'>,
  ): Promise<{ proxy: LimitingRpcProxy; client: PublicClient }>;
  stop(): Promise<void>;
}

async function waitForRpc(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      });
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('anvil did not start');
}

export async function startHistoryTestChain(firstBlock = 0n): Promise<HistoryTestChain> {
  const port = await findFreePort();
  const args = ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(callistoLocal.id), '--silent'];
  if (firstBlock > 0n) args.push('--number', firstBlock.toString());
  const child = spawn(anvilBinaryPath(), args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const anvilUrl = `http://127.0.0.1:${port}`;
  await waitForRpc(anvilUrl);
  const chain = { ...callistoLocal, rpcUrls: { default: { http: [anvilUrl] } } };
  const transport = http(anvilUrl);
  const direct = createPublicClient({ chain, transport, pollingInterval: 20 });
  const testClient = createTestClient({ chain, transport, mode: 'anvil' });
  const wallets = anvilPrivateKeys.map((key) =>
    createWalletClient({ chain, transport, account: privateKeyToAccount(key), pollingInterval: 20 }),
  );
  const owner = wallets[0]!.account.address;
  const deployHash = await wallets[0]!.deployContract({
    abi: coldStakingAbi,
    bytecode: coldStakingBytecode,
    args: [86_400n, 365n * 86_400n, 25n, owner],
  });
  const deployed = await direct.waitForTransactionReceipt({ hash: deployHash });
  const staking = deployed.contractAddress!;
  const proxies: LimitingRpcProxy[] = [];

  return {
    anvilUrl,
    firstBlock,
    staking,
    deployBlock: deployed.blockNumber,
    accounts: wallets.map((w) => w.account.address),
    direct,
    async stake(from) {
      const hash = await wallets[from]!.writeContract({
        address: staking,
        abi: coldStakingAbi,
        functionName: 'start_staking',
        args: [1n],
        value: parseEther('1'),
        gas: 500_000n,
      });
      const receipt = await direct.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success') throw new Error('stake reverted');
      return receipt.blockNumber;
    },
    async mine(blocks) {
      await testClient.mine({ blocks });
    },
    head: () => direct.getBlockNumber({ cacheTime: 0 }),
    snapshot: () => testClient.snapshot(),
    async revert(id) {
      await testClient.revert({ id });
    },
    async proxy(options = {}) {
      const proxy = await startLimitingRpcProxy({ upstream: anvilUrl, ...options });
      proxies.push(proxy);
      const client = createPublicClient({ chain, transport: http(proxy.url, { retryCount: 0 }) });
      return { proxy, client };
    },
    async stop() {
      await Promise.all(proxies.map((p) => p.stop()));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
