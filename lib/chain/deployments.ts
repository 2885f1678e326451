// Deployed addresses, from contracts-abi/deployments/<chainId>.json (written by `npm run deploy`; the
// mainnet file records the live contracts). A contract with no address on a chain makes its feature show
// "not deployed on this network" instead of failing.
import { getAddress, isAddress, type Address } from 'viem';
import localDeployments from '../../contracts-abi/deployments/31337.json';
import mainnetDeployments from '../../contracts-abi/deployments/820.json';

/** Every contract the app talks to, by the name its deployment is recorded under. */
export type ContractName =
  | 'AuditArchive'
  | 'AuditRegistry'
  | 'CallistoFS'
  | 'ColdStaking'
  | 'ColdStakingV1'
  | 'Multicall3'
  | 'TreasuryGovernance';

interface DeploymentsFile {
  chainId: number;
  contracts: Partial<Record<string, string>>;
  /** The block each contract was deployed in: event scans start there instead of at genesis. */
  blocks: Partial<Record<string, number>>;
}

const deploymentsByChain = new Map<number, DeploymentsFile>(
  [localDeployments as DeploymentsFile, mainnetDeployments as DeploymentsFile].map((d) => [d.chainId, d]),
);

export function contractAddress(chainId: number, name: ContractName): Address | undefined {
  const value = deploymentsByChain.get(chainId)?.contracts[name];
  return value && isAddress(value) ? getAddress(value) : undefined;
}

/** The block a contract was deployed in (or its history starts, for mainnet's cold staking V2), when recorded. */
export function recordedDeploymentBlock(chainId: number, name: ContractName): bigint | undefined {
  const block = deploymentsByChain.get(chainId)?.blocks[name];
  return typeof block === 'number' && Number.isSafeInteger(block) && block >= 0 ? BigInt(block) : undefined;
}

/** The first block worth scanning for a contract's events (0 when unknown; the history engine's
 * `resolveStartBlock` searches the chain instead). */
export function deploymentBlock(chainId: number, name: ContractName): bigint {
  return recordedDeploymentBlock(chainId, name) ?? 0n;
}
