// Everything the node asks of the chain: the CallistoFS contract's events (read by the history engine), a file, the
// elected nodes, confirmations and releases of expired uploads signed with the node's key. Confirmations are
// batched: while one `confirm_many` transaction is in flight the next files gather, and go out together in the next
// one, so a node keeps up with any rate of uploads at one transaction a block. A batch is sized from the latest
// block's gas limit and the measured gas of a confirmation (batching.ts), and halved while its estimate is over that
// budget (audit note I-03). Every transaction goes through one queue, so two never race for the same nonce.
import {
  BaseError,
  ContractFunctionRevertedError,
  parseEventLogs,
  createPublicClient,
  formatLog,
  getAbiItem,
  toEventSelector,
  type Hex,
  createWalletClient,
  defineChain,
  getAddress,
  http,
  type Address,
  type Chain,
  type PublicClient,
  type Transport,
  type WalletClient,
  type Account,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { callistoFSAbi } from '@callisto-hub/contracts-abi/CallistoFS';
import { confirmBatchSize, confirmGasBudget } from './batching';
import type { HistoryClient } from '@callisto-hub/history/reader';
import type { StoredLog } from '@callisto-hub/history/types';
import { deployedFileSystem, type HostNodeConfig } from './config';

export interface OnChainFile {
  id: bigint;
  owner: Address;
  cid: string;
  path: string;
  size: bigint;
  deposit: bigint;
  withdrawn: boolean;
  /** Counted: a node confirmed it, its size counts on chain. */
  counted: boolean;
  /** Pending and past its window, or released: no node may confirm it any more. */
  expired: boolean;
  /** Past its window and still holding its space: `release_expired` would give it back. */
  awaitingRelease: boolean;
}

/** The contract's FileStatus. */
const FILE_STATUS = { pending: 0, counted: 1, expired: 2, withdrawn: 3 } as const;

export interface ElectedNode {
  node: Address;
  endpoint: string;
}

export type FileEvent =
  | { kind: 'upload'; id: bigint; owner: Address; cid: string; size: bigint; block: bigint; logIndex: number }
  | { kind: 'withdrawn'; id: bigint; owner: Address; block: bigint; logIndex: number }
  | { kind: 'expired'; id: bigint; owner: Address; block: bigint; logIndex: number };

/** What became of a confirmation: sent now, or why the contract would refuse it (each is final for that file). */
export type ConfirmOutcome = 'confirmed' | 'already-confirmed' | 'withdrawn' | 'expired' | 'not-elected';

/** The events the node follows. */
export const FILE_EVENTS = ['FileUpload', 'FileWithdrawn', 'FileExpired'] as const;

/** Their topic0s, for eth_getLogs. */
export const FILE_EVENT_TOPICS: readonly Hex[] = FILE_EVENTS.map((name) =>
  toEventSelector(getAbiItem({ abi: callistoFSAbi, name })),
);

interface WaitingConfirmation {
  id: bigint;
  resolve(outcome: ConfirmOutcome): void;
  reject(error: unknown): void;
}

export class FileSystemChain {
  private waiting: WaitingConfirmation[] = [];
  private sending = false;
  /** The tail of the transaction queue: each transaction starts once the one before has its receipt. */
  private transactions: Promise<unknown> = Promise.resolve();
  private timestamp: { value: bigint; readAt: number } | undefined;
  /** Sizes of the confirmation batches sent, for the tests and the metrics. */
  readonly batchSizes: number[] = [];

  private constructor(
    readonly chainId: number,
    readonly address: Address,
    readonly node: Address,
    /** The block the contract was deployed in, when the deployments file knows it. */
    readonly deploymentBlock: bigint | undefined,
    private readonly publicClient: PublicClient<Transport, Chain>,
    private readonly walletClient: WalletClient<Transport, Chain, Account>,
  ) {}

  static async connect(config: HostNodeConfig): Promise<FileSystemChain> {
    const account = privateKeyToAccount(config.privateKey);
    const transport = http(config.rpcUrl, { timeout: 30_000, retryCount: 2 });
    const probe = createPublicClient({ transport });
    let chainId: number;
    try {
      chainId = await probe.getChainId();
    } catch (error) {
      throw new Error(`the RPC at ${config.rpcUrl} does not answer: ${(error as BaseError).shortMessage ?? error}`);
    }
    const chain = defineChain({
      id: chainId,
      name: `chain ${chainId}`,
      nativeCurrency: { name: 'Callisto', symbol: 'CLO', decimals: 18 },
      rpcUrls: { default: { http: [config.rpcUrl] } },
    });
    // Receipts are polled this often; the viem default (4 s for an unknown chain) would slow every confirmation.
    const pollingInterval = Math.max(20, Math.min(config.pollMs, 1000));
    const publicClient = createPublicClient({ chain, transport, pollingInterval });
    const walletClient = createWalletClient({ chain, transport, account, pollingInterval });

    const deployed = await deployedFileSystem(chainId);
    const address = config.fileSystemAddress ?? deployed.address;
    if (!address) {
      throw new Error(
        `no CallistoFS address: set HOST_NODE_FILE_SYSTEM_ADDRESS or deploy to chain ${chainId} (contracts-abi/deployments/${chainId}.json)`,
      );
    }
    const code = await publicClient.getCode({ address });
    if (!code || code === '0x') throw new Error(`no contract at ${address} on chain ${chainId}`);
    const deploymentBlock =
      deployed.address && getAddress(deployed.address) === getAddress(address) ? deployed.block : undefined;
    return new FileSystemChain(chainId, address, account.address, deploymentBlock, publicClient, walletClient);
  }

  blockNumber(): Promise<bigint> {
    return this.publicClient.getBlockNumber({ cacheTime: 0 });
  }

  /** What the history engine reads the events with (raw eth_getLogs, adaptive ranges: lib/history). */
  get historyClient(): HistoryClient {
    return this.publicClient;
  }

  /** FileUpload and FileWithdrawn events of logs read by the history engine, in chain order. */
  decodeEvents(logs: readonly StoredLog[]): FileEvent[] {
    const decoded = parseEventLogs({
      abi: callistoFSAbi,
      eventName: [...FILE_EVENTS],
      logs: logs.map((log) => formatLog({ ...log, topics: log.topics as [Hex, ...Hex[]], removed: false })),
      strict: true,
    });
    const out: FileEvent[] = [];
    for (const log of decoded) {
      if (log.address.toLowerCase() !== this.address.toLowerCase()) continue;
      const block = log.blockNumber;
      const logIndex = log.logIndex;
      if (log.eventName === 'FileUpload') {
        const { owner, id, cid, size } = log.args;
        out.push({ kind: 'upload', id, owner, cid, size, block, logIndex });
      } else if (log.eventName === 'FileWithdrawn') {
        const { owner, id } = log.args;
        out.push({ kind: 'withdrawn', id, owner, block, logIndex });
      } else if (log.eventName === 'FileExpired') {
        const { owner, id } = log.args;
        out.push({ kind: 'expired', id, owner, block, logIndex });
      }
    }
    return out.sort((a, b) => (a.block === b.block ? a.logIndex - b.logIndex : a.block < b.block ? -1 : 1));
  }

  async file(id: bigint): Promise<OnChainFile> {
    const entry = await this.publicClient.readContract({
      address: this.address,
      abi: callistoFSAbi,
      functionName: 'file',
      args: [id],
    });
    const now = await this.latestTimestamp();
    const overdue = entry.status === FILE_STATUS.pending && now >= entry.expires_at;
    return {
      id: entry.id,
      owner: entry.owner,
      cid: entry.cid,
      path: entry.path,
      size: entry.size,
      deposit: entry.deposit,
      withdrawn: entry.status === FILE_STATUS.withdrawn,
      counted: entry.status === FILE_STATUS.counted,
      expired: entry.status === FILE_STATUS.expired || overdue,
      awaitingRelease: overdue,
    };
  }

  /** The latest block's timestamp, read at most once a second: a file's expiry needs no more precision. */
  private async latestTimestamp(): Promise<bigint> {
    const cached = this.timestamp;
    if (cached && Date.now() - cached.readAt < 1000) return cached.value;
    const value = (await this.publicClient.getBlock({ blockTag: 'latest' })).timestamp;
    this.timestamp = { value, readAt: Date.now() };
    return value;
  }

  /** Gives back the space of an upload whose window ended unconfirmed (the contract skips one that is not). */
  releaseExpired(id: bigint): Promise<void> {
    return this.queued(async () => {
      const { request } = await this.publicClient.simulateContract({
        address: this.address,
        abi: callistoFSAbi,
        functionName: 'release_expired',
        args: [[id]],
        account: this.walletClient.account,
      });
      const hash = await this.walletClient.writeContract(request);
      const receipt = await this.publicClient.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success') throw new Error(`release_expired reverted in transaction ${hash}`);
    });
  }

  /** Runs `send` after every transaction queued before it. */
  private queued<T>(send: () => Promise<T>): Promise<T> {
    const result = this.transactions.then(send, send);
    this.transactions = result.catch(() => undefined);
    return result;
  }

  async electedNodes(): Promise<ElectedNode[]> {
    const nodes = await this.publicClient.readContract({
      address: this.address,
      abi: callistoFSAbi,
      functionName: 'host_nodes',
    });
    return nodes.map((n) => ({ node: n.node, endpoint: n.endpoint }));
  }

  confirmedBy(id: bigint): Promise<boolean> {
    return this.publicClient.readContract({
      address: this.address,
      abi: callistoFSAbi,
      functionName: 'confirmed_by',
      args: [id, this.node],
    });
  }

  /** Confirms `id` in the next batch; a refusal the contract would give is returned, not sent. */
  confirm(id: bigint): Promise<ConfirmOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ id, resolve, reject });
      void this.sendBatches();
    });
  }

  private async sendBatches(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.waiting.length > 0) {
        let batch: WaitingConfirmation[] = [];
        try {
          const { size, budget } = await this.batchLimits();
          batch = this.waiting.splice(0, size);
          // A confirmation dearer than measured: send half now, the rest in the next batch.
          while (batch.length > 1 && (await this.estimateConfirmGas(batch.map((w) => w.id))) > budget) {
            this.waiting.unshift(...batch.splice(Math.ceil(batch.length / 2)));
          }
          this.batchSizes.push(batch.length);
          const outcomes = await this.queued(() => this.sendConfirmBatch(batch.map((w) => w.id)));
          batch.forEach((w, i) => w.resolve(outcomes[i]!));
        } catch (error) {
          if (batch.length === 0) batch = this.waiting.splice(0, 1);
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.sending = false;
    }
  }

  /** Files a batch may carry and the gas it may use, from the latest block's gas limit. */
  private async batchLimits(): Promise<{ size: number; budget: bigint }> {
    const { gasLimit } = await this.publicClient.getBlock({ blockTag: 'latest' });
    return { size: confirmBatchSize(gasLimit), budget: confirmGasBudget(gasLimit) };
  }

  /** The gas `confirm_many(ids)` would use; 0 when the estimate fails (the send then gives the reason). */
  private async estimateConfirmGas(ids: bigint[]): Promise<bigint> {
    try {
      return await this.publicClient.estimateContractGas({
        address: this.address,
        abi: callistoFSAbi,
        functionName: 'confirm_many',
        args: [[...new Set(ids)]],
        account: this.walletClient.account,
      });
    } catch {
      return 0n;
    }
  }

  private async sendConfirmBatch(ids: bigint[]): Promise<ConfirmOutcome[]> {
    const unique = [...new Set(ids)];
    let request;
    try {
      ({ request } = await this.publicClient.simulateContract({
        address: this.address,
        abi: callistoFSAbi,
        functionName: 'confirm_many',
        args: [unique],
        account: this.walletClient.account,
      }));
    } catch (error) {
      if (revertReason(error)?.includes('not an elected host node')) return ids.map(() => 'not-elected');
      throw error;
    }
    const hash = await this.walletClient.writeContract(request);
    const receipt = await this.publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`confirm_many reverted in transaction ${hash}`);
    const confirmed = new Set(
      parseEventLogs({ abi: callistoFSAbi, eventName: 'FileConfirmed', logs: receipt.logs })
        .filter((log) => log.address.toLowerCase() === this.address.toLowerCase())
        .map((log) => log.args.id),
    );
    // The contract skips what it would refuse; tell which it was.
    const outcomes = new Map<bigint, ConfirmOutcome>();
    for (const id of unique) {
      if (confirmed.has(id)) {
        outcomes.set(id, 'confirmed');
        continue;
      }
      const file = await this.file(id);
      outcomes.set(id, file.withdrawn ? 'withdrawn' : file.expired ? 'expired' : 'already-confirmed');
    }
    return ids.map((id) => outcomes.get(id)!);
  }
}

function revertReason(error: unknown): string | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  return reverted instanceof ContractFunctionRevertedError ? reverted.reason : undefined;
}
