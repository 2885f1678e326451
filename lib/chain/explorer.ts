import type { Chain } from 'viem';

/** A link to an address on the chain's block explorer, or undefined where the chain has none. */
export function explorerAddressUrl(chain: Chain, address: string): string | undefined {
  const base = chain.blockExplorers?.default.url;
  return base ? `${base.replace(/\/$/, '')}/address/${address}` : undefined;
}

export function explorerTxUrl(chain: Chain, hash: string): string | undefined {
  const base = chain.blockExplorers?.default.url;
  return base ? `${base.replace(/\/$/, '')}/tx/${hash}` : undefined;
}
