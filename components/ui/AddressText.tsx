'use client';

import { explorerAddressUrl } from '@/lib/chain/explorer';
import { useNetwork } from './NetworkContext';

/** A full address in monospace, linked to the explorer when this chain has one and the address lives on it. */
export function AddressText({ address, chainId }: { address: string; chainId?: bigint }) {
  const { chain } = useNetwork();
  const onThisChain = chainId === undefined || chainId === BigInt(chain.id);
  const url = onThisChain ? explorerAddressUrl(chain, address) : undefined;
  const text = <span className="font-mono text-xs break-all">{address}</span>;
  return url ? (
    <a href={url} target="_blank" rel="noreferrer noopener" className="text-teal-300 underline underline-offset-2">
      {text}
      <span className="sr-only">, on the block explorer (opens in a new tab)</span>
    </a>
  ) : (
    text
  );
}
