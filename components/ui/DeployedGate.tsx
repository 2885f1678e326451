'use client';

import type { ReactNode } from 'react';
import type { Address } from 'viem';
import { contractAddress, type ContractName } from '@/lib/chain/deployments';
import { useNetwork } from './NetworkContext';
import { NotDeployed } from './primitives';

/** The address of `name` on the network the app reads from, or undefined where it is not deployed. */
export function useDeployedAddress(name: ContractName): Address | undefined {
  const { chain } = useNetwork();
  return contractAddress(chain.id, name);
}

export type DeployedAddresses<Names extends ContractName> = { [N in Names]: Address };

/** The addresses of every contract in `names`, or undefined unless all of them are deployed on this network. */
export function useDeployedAddresses<const Names extends readonly ContractName[]>(
  names: Names,
): DeployedAddresses<Names[number]> | undefined {
  const { chain } = useNetwork();
  const found: Partial<Record<ContractName, Address>> = {};
  for (const name of names) {
    const address = contractAddress(chain.id, name);
    if (!address) return undefined;
    found[name] = address;
  }
  return found as DeployedAddresses<Names[number]>;
}

/**
 * Renders `children` with the addresses of the feature's contracts, or the "<feature> is not deployed on
 * <network>" card when any of them has no address on the current network (governance on Callisto mainnet).
 */
export function DeployedGate<const Names extends readonly ContractName[]>({
  contracts,
  feature,
  children,
}: {
  contracts: Names;
  /** The feature's name as the subject of a sentence: "Treasury governance" (is not deployed on …). */
  feature: string;
  children(addresses: DeployedAddresses<Names[number]>): ReactNode;
}) {
  const { chain } = useNetwork();
  const addresses = useDeployedAddresses(contracts);
  if (!addresses) return <NotDeployed feature={feature} network={chain.name} />;
  return <>{children(addresses)}</>;
}
