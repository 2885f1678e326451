// Where a contract's history starts. Recorded blocks (contracts-abi/deployments/<chainId>.json) win; otherwise the
// first block with code at the address is found by binary search over eth_getCode at past blocks (about 25 calls
// for 20 million blocks), which needs an RPC that serves historical state; the answer is kept in the store. An
// RPC that cannot answer for old blocks makes it 0, the safe start.
import type { Address } from 'viem';
import type { ContractName } from '../chain/deployments';
import type { HistoryClient } from './reader';
import type { HistoryStore } from './types';

/** The first block at which `address` has code, by binary search in [0, head]; undefined when it has none at the
 * head; throws when the RPC refuses historical state. */
export declare function findDeploymentBlock(
  client: HistoryClient,
  address: Address,
  head: bigint,
  signal?: AbortSignal,
): Promise<bigint | undefined>;

/** The block to scan `name`'s events from: recorded, else cached, else searched (and cached), else 0. */
export declare function resolveStartBlock(
  client: HistoryClient,
  store: HistoryStore,
  chainId: number,
  name: ContractName,
  address: Address,
): Promise<bigint>;
