// Deploys the project's contracts to a chain and records their addresses in
// contracts-abi/deployments/<chainId>.json. Safe to run again: a contract whose recorded (or predicted)
// address already holds code is left alone.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  concat,
  createPublicClient,
  createWalletClient,
  encodeDeployData,
  getContractAddress,
  http,
  pad,
  type Abi,
  type Address,
  type Chain,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
  type Account,
  zeroAddress,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { auditArchiveAbi, auditArchiveBytecode } from '../../contracts-abi/AuditArchive';
import { auditRegistryAbi, auditRegistryBytecode } from '../../contracts-abi/AuditRegistry';
import { callistoFSAbi, callistoFSBytecode } from '../../contracts-abi/CallistoFS';
import { coldStakingAbi, coldStakingBytecode } from '../../contracts-abi/ColdStaking';
import { multicall3Abi, multicall3Bytecode } from '../../contracts-abi/Multicall3';
import { treasuryGovernanceAbi, treasuryGovernanceBytecode } from '../../contracts-abi/TreasuryGovernance';
import { callistoLocal, MULTICALL3_ADDRESS } from '../../lib/chain/chains';
import { projectRoot } from './paths';
import { findDeploymentBlock } from '../../lib/history/codeSearch';

/** The deterministic deployment proxy anvil (and many chains) ship at this address. Deploying through it
 * makes local addresses depend only on the bytecode, so a fresh clone's deploy writes the same
 * deployments file as the one committed. */
export const CREATE2_FACTORY: Address = '0x4e59b44847b379578588920ca78fbf26c0b4956c';
const SALT = pad('0x00', { size: 32 });

const DAY = 86_400n;

/** Cold staking parameters. Mainnet's are 27-day rounds, a 365-day inactivity limit and at most 25 s of
 * staking time a block. The local chain keeps the rounds and the limit but lifts the per-block cap: anvil
 * needs minutes to mine the ~93,000 blocks a 27-day round would take at 25 s, so the dev panel's
 * "advance a round" would be unusable. The contract tests check the 25 s cap itself. */
export function coldStakingParams(local: boolean) {
  return {
    roundInterval: 27n * DAY,
    maxDelay: 365n * DAY,
    maxSecondsPerBlock: local ? 3_650n * DAY : 25n,
  };
}

/** Treasury governance: 27-day epochs (one cold staking round, as in Callisto's public drafts), a quorum of
 * 10% of all staked CLO and a 500 CLO refundable submission deposit. */
export const governanceParams = {
  epochLength: 27n * DAY,
  quorumBps: 1_000,
  submissionDeposit: 500n * 10n ** 18n,
};

/** Audit registry: a revealed report keeps its auditor active for 90 days; payouts every 27 days (a governance
 * epoch, so a treasury proposal paying the registry funds one period a payment); 10 karma a started KiB of
 * audited code, 5 karma off a report for each vulnerability it missed. */
export const auditParams = {
  activePeriod: 90n * DAY,
  payoutPeriod: 27n * DAY,
  karmaPerKb: 10n,
  errorPenalty: 5n,
};

/** Callisto File System prices, in wei per MB (2^20 bytes): the CRR formula gives unit_price / 10 a MB at full
 * capacity (1 CLO) and scales down with use; the floor (0.01 CLO a MB) keeps storage from ever being free. */
export const fileSystemParams = {
  unitPrice: 10n * 10n ** 18n,
  floorPrice: 10n ** 16n,
};

/** A host node the deployer registers before handing the file system to governance (later ones are elected). */
export interface InitialHostNode {
  address: Address;
  endpoint: string;
  capacityMb: bigint;
}

export interface DeploymentsFile {
  chainId: number;
  contracts: Record<string, Address>;
  blocks: Record<string, number>;
}

export function deploymentsPath(chainId: number): string {
  return join(projectRoot, 'contracts-abi', 'deployments', `${chainId}.json`);
}

export function readDeployments(chainId: number): DeploymentsFile {
  const path = deploymentsPath(chainId);
  if (!existsSync(path)) return { chainId, contracts: {}, blocks: {} };
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<DeploymentsFile>;
  return { chainId, contracts: parsed.contracts ?? {}, blocks: parsed.blocks ?? {} };
}

function writeDeployments(file: DeploymentsFile): void {
  const sorted = (record: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  const path = deploymentsPath(file.chainId);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(
    path,
    JSON.stringify({ chainId: file.chainId, contracts: sorted(file.contracts), blocks: sorted(file.blocks) }, null, 2) +
      '\n',
  );
}

export class DeployError extends Error {}

interface Deployer {
  publicClient: PublicClient<Transport, Chain>;
  wallet: WalletClient<Transport, Chain, Account>;
  chainId: number;
  local: boolean;
  log: (line: string) => void;
}

async function hasCode(client: PublicClient, address: Address): Promise<boolean> {
  const code = await client.getCode({ address });
  return code !== undefined && code !== '0x';
}

/** Deploys one contract (through CREATE2 where the factory exists) unless code is already there. */
async function ensureDeployed(
  d: Deployer,
  file: DeploymentsFile,
  name: string,
  abi: Abi,
  bytecode: Hex,
  args: readonly unknown[],
): Promise<Address> {
  const recorded = file.contracts[name];
  const initCode = encodeDeployData({ abi, bytecode, args });
  const useFactory = await hasCode(d.publicClient, CREATE2_FACTORY);
  const predicted = useFactory
    ? getContractAddress({ opcode: 'CREATE2', from: CREATE2_FACTORY, salt: SALT, bytecode: initCode })
    : undefined;
  // Through the factory the address follows from the bytecode and arguments; without it, from what the
  // deployments file recorded last time.
  const existing = useFactory ? predicted : recorded;
  if (existing && (await hasCode(d.publicClient, existing))) {
    d.log(`  ${name}: already at ${existing}`);
    file.contracts[name] = existing;
    await recordDeploymentBlock(d, file, name, existing);
    return existing;
  }
  const hash = useFactory
    ? await d.wallet.sendTransaction({ to: CREATE2_FACTORY, data: concat([SALT, initCode]) })
    : await d.wallet.deployContract({ abi, bytecode, args } as Parameters<typeof d.wallet.deployContract>[0]);
  const receipt = await d.publicClient.waitForTransactionReceipt({ hash });
  const address = predicted ?? receipt.contractAddress ?? undefined;
  if (receipt.status !== 'success' || !address || !(await hasCode(d.publicClient, address))) {
    throw new DeployError(`${name}: deployment reverted (transaction ${hash})`);
  }
  d.log(`  ${name}: deployed at ${address} (gas ${receipt.gasUsed})`);
  file.contracts[name] = address;
  file.blocks[name] = Number(receipt.blockNumber);
  return address;
}

/**
 * Keeps the recorded deployment block of a contract found already deployed right: event scans start there, so a
 * block later than the real one (a file written for another chain with the same addresses) would hide events.
 * The recorded block is checked (code there, none just before) and otherwise searched for.
 */
async function recordDeploymentBlock(
  d: Deployer,
  file: DeploymentsFile,
  name: string,
  address: Address,
): Promise<void> {
  const recorded = file.blocks[name];
  if (recorded !== undefined) {
    const at = await d.publicClient.getCode({ address, blockNumber: BigInt(recorded) }).catch(() => undefined);
    const before =
      recorded === 0
        ? undefined
        : await d.publicClient.getCode({ address, blockNumber: BigInt(recorded - 1) }).catch(() => 'unknown');
    if (at && at !== '0x' && (before === undefined || before === '0x')) return;
  }
  const head = await d.publicClient.getBlockNumber();
  const found = await findDeploymentBlock(d.publicClient, address, head).catch(() => undefined);
  if (found === undefined) delete file.blocks[name];
  else file.blocks[name] = Number(found);
}

/** Puts Multicall3 at its canonical address on the local chain, where nothing else would. */
async function ensureLocalMulticall(d: Deployer, file: DeploymentsFile): Promise<void> {
  if (await hasCode(d.publicClient, MULTICALL3_ADDRESS)) {
    file.contracts.Multicall3 = MULTICALL3_ADDRESS;
    return;
  }
  const deployed = await ensureDeployed(d, file, 'Multicall3', multicall3Abi, multicall3Bytecode, []);
  const code = await d.publicClient.getCode({ address: deployed });
  await d.publicClient.request({ method: 'anvil_setCode', params: [MULTICALL3_ADDRESS, code!] } as never);
  file.contracts.Multicall3 = MULTICALL3_ADDRESS;
  delete file.blocks.Multicall3;
  d.log(`  Multicall3: placed at ${MULTICALL3_ADDRESS}`);
}

/** Makes the governance contract the one that may hold voters' stakes; the staking owner does it once. */
async function ensureStakingGovernance(d: Deployer, staking: Address, governance: Address): Promise<void> {
  const current = await d.publicClient.readContract({
    address: staking,
    abi: coldStakingAbi,
    functionName: 'governance',
  });
  if (current.toLowerCase() === governance.toLowerCase()) return;
  if (current !== zeroAddress) {
    throw new DeployError(`ColdStaking at ${staking} already answers to another governance contract (${current})`);
  }
  const hash = await d.wallet.writeContract({
    address: staking,
    abi: coldStakingAbi,
    functionName: 'set_governance',
    args: [governance],
  });
  const receipt = await d.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new DeployError('ColdStaking.set_governance reverted');
  d.log(`  ColdStaking: governance set to ${governance}`);
}

/** Lets the governance contract appoint and dismiss audit managers (AuditRegistry) or elect and remove host
 * nodes (CallistoFS); the contract's owner does it once. */
async function ensureOwnedByGovernance(
  d: Deployer,
  name: 'AuditRegistry' | 'CallistoFS',
  address: Address,
  governance: Address,
): Promise<void> {
  const abi = name === 'AuditRegistry' ? auditRegistryAbi : callistoFSAbi;
  const current = (await d.publicClient.readContract({ address, abi, functionName: 'governance' })) as Address;
  if (current.toLowerCase() === governance.toLowerCase()) return;
  if (current !== zeroAddress) {
    throw new DeployError(`${name} at ${address} already answers to another governance contract (${current})`);
  }
  const hash = await d.wallet.writeContract({ address, abi, functionName: 'set_governance', args: [governance] });
  const receipt = await d.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new DeployError(`${name}.set_governance reverted`);
  d.log(`  ${name}: governance set to ${governance}`);
}

/** Binds the audit archive to the registry (the registry's owner does it once), so that reveals of
 * `ipfs://<cid>` reports store them on the file system. */
async function ensureRegistryArchive(d: Deployer, registry: Address, archive: Address): Promise<void> {
  const current = await d.publicClient.readContract({
    address: registry,
    abi: auditRegistryAbi,
    functionName: 'archive',
  });
  if (current.toLowerCase() === archive.toLowerCase()) return;
  if (current !== zeroAddress) {
    throw new DeployError(`AuditRegistry at ${registry} already keeps its reports in another archive (${current})`);
  }
  const hash = await d.wallet.writeContract({
    address: registry,
    abi: auditRegistryAbi,
    functionName: 'set_archive',
    args: [archive],
  });
  const receipt = await d.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new DeployError('AuditRegistry.set_archive reverted');
  d.log(`  AuditRegistry: archive set to ${archive}`);
}

/** Registers the first host nodes while the deployer still owns the file system (the contract refuses once
 * governance is set: later nodes are elected). On the local chain each node also gets CLO for its confirmations. */
async function ensureInitialHostNodes(d: Deployer, fileSystem: Address, nodes: readonly InitialHostNode[]) {
  for (const node of nodes) {
    const elected = await d.publicClient.readContract({
      address: fileSystem,
      abi: callistoFSAbi,
      functionName: 'is_host_node',
      args: [node.address],
    });
    if (!elected) {
      const hash = await d.wallet.writeContract({
        address: fileSystem,
        abi: callistoFSAbi,
        functionName: 'add_host_node',
        args: [node.address, node.endpoint, node.capacityMb],
      });
      const receipt = await d.publicClient.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success') throw new DeployError(`CallistoFS.add_host_node(${node.address}) reverted`);
      d.log(`  CallistoFS: host node ${node.address} at ${node.endpoint} (${node.capacityMb} MB)`);
    }
    if (d.local && (await d.publicClient.getBalance({ address: node.address })) === 0n) {
      await d.publicClient.request({
        method: 'anvil_setBalance',
        params: [node.address, `0x${(100n * 10n ** 18n).toString(16)}`],
      } as never);
    }
  }
}

export interface DeployOptions {
  rpcUrl: string;
  privateKey: Hex;
  /** Host nodes to register at deployment (the local stack's two nodes). */
  hostNodes?: readonly InitialHostNode[];
  log?: (line: string) => void;
}

export interface DeployResult {
  chainId: number;
  contracts: Record<string, Address>;
  deployer: Address;
}

function connectionProblem(error: unknown): string {
  // fetch hides the socket's reason a few causes deep.
  const texts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    texts.push(String((e as { code?: unknown }).code ?? ''), e instanceof Error ? e.message : String(e));
  }
  const text = texts.join(' ');
  if (/ECONNREFUSED/.test(text)) return 'connection refused';
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return 'host not found';
  if (/timed? ?out|TimeoutError/i.test(text)) return 'no answer in time';
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'no answer';
}

export async function deployAll(options: DeployOptions): Promise<DeployResult> {
  const log = options.log ?? (() => {});
  const account = privateKeyToAccount(options.privateKey);
  const probe = createPublicClient({ transport: http(options.rpcUrl, { retryCount: 0, timeout: 10_000 }) });
  let chainId: number;
  try {
    chainId = await probe.getChainId();
  } catch (error) {
    throw new DeployError(`cannot reach the RPC at ${options.rpcUrl} (${connectionProblem(error)})`);
  }
  const local = chainId === callistoLocal.id;
  const chain = {
    ...callistoLocal,
    id: chainId,
    name: `chain ${chainId}`,
    rpcUrls: { default: { http: [options.rpcUrl] } },
  };
  const transport = http(options.rpcUrl);
  const publicClient = createPublicClient({ chain, transport, pollingInterval: local ? 50 : 2_000 });
  const wallet = createWalletClient({ chain, transport, account, pollingInterval: local ? 50 : 2_000 });
  const balance = await publicClient.getBalance({ address: account.address });
  if (balance === 0n)
    throw new DeployError(`the deployer ${account.address} has no funds on chain ${chainId} to pay for gas`);

  const d: Deployer = { publicClient, wallet, chainId, local, log };
  const file = readDeployments(chainId);
  log(`Deploying to chain ${chainId} at ${options.rpcUrl} from ${account.address}`);
  if (local) await ensureLocalMulticall(d, file);
  const staking = coldStakingParams(local);
  const stakingAddress = await ensureDeployed(d, file, 'ColdStaking', coldStakingAbi, coldStakingBytecode, [
    staking.roundInterval,
    staking.maxDelay,
    staking.maxSecondsPerBlock,
    account.address,
  ]);
  // Owned by the deployer during the debugging stage; governance may appoint and dismiss managers alongside
  // the owner, who hands the whole role to governance later.
  const registry = await ensureDeployed(d, file, 'AuditRegistry', auditRegistryAbi, auditRegistryBytecode, [
    account.address,
    auditParams.activePeriod,
    auditParams.payoutPeriod,
    auditParams.karmaPerKb,
    auditParams.errorPenalty,
  ]);
  const fileSystem = await ensureDeployed(d, file, 'CallistoFS', callistoFSAbi, callistoFSBytecode, [
    account.address,
    fileSystemParams.unitPrice,
    fileSystemParams.floorPrice,
  ]);
  // The revealed reports' archive: bound to this registry and this file system for good.
  const archive = await ensureDeployed(d, file, 'AuditArchive', auditArchiveAbi, auditArchiveBytecode, [
    registry,
    fileSystem,
  ]);
  const governance = await ensureDeployed(
    d,
    file,
    'TreasuryGovernance',
    treasuryGovernanceAbi,
    treasuryGovernanceBytecode,
    [
      stakingAddress,
      governanceParams.epochLength,
      governanceParams.quorumBps,
      governanceParams.submissionDeposit,
      registry,
      fileSystem,
    ],
  );
  await ensureInitialHostNodes(d, fileSystem, options.hostNodes ?? []);
  await ensureRegistryArchive(d, registry, archive);
  await ensureStakingGovernance(d, stakingAddress, governance);
  await ensureOwnedByGovernance(d, 'AuditRegistry', registry, governance);
  await ensureOwnedByGovernance(d, 'CallistoFS', fileSystem, governance);
  writeDeployments(file);
  return { chainId, contracts: file.contracts, deployer: account.address };
}
