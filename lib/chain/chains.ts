import { defineChain, type Chain } from 'viem';

const clo = { name: 'Callisto', symbol: 'CLO', decimals: 18 } as const;

/** Multicall3's canonical address. The local deploy puts a compatible contract there; on a chain where that
 * address has no code, reads go out as one JSON-RPC batch instead (see transports.ts). */
export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11' as const;

/** anvil, started by `npm run dev` and by the tests. */
export const callistoLocal = defineChain({
  id: 31337,
  name: 'Callisto Local',
  nativeCurrency: clo,
  rpcUrls: { default: { http: ['http://127.0.0.1:8545'] } },
  contracts: { multicall3: { address: MULTICALL3_ADDRESS } },
  testnet: true,
});

/** Callisto mainnet (see contracts/reference/callisto-mainnet). No Multicall3 is declared: its reads are
 * batched over JSON-RPC, which every node supports. */
export const callisto = defineChain({
  id: 820,
  name: 'Callisto',
  nativeCurrency: clo,
  rpcUrls: { default: { http: ['https://rpc.callisto.network/', 'https://clo-geth.0xinfra.com/'] } },
  blockExplorers: { default: { name: 'Callisto Explorer', url: 'https://explorer.callisto.network' } },
});

export type NetworkKey = 'local' | 'callisto';

export const chainsByNetwork: Record<NetworkKey, Chain> = { local: callistoLocal, callisto };

export function isNetworkKey(value: unknown): value is NetworkKey {
  return value === 'local' || value === 'callisto';
}
