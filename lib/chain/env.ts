import { isNetworkKey, type NetworkKey } from './chains';

// Build-time configuration. Next inlines `process.env.NEXT_PUBLIC_*` into the static bundle, so each must
// be read by its full name (no destructuring) for the replacement to happen.

/** The network a build starts on: `local` (anvil, the default) or `callisto` (mainnet). */
export const BUILD_NETWORK: NetworkKey = isNetworkKey(process.env.NEXT_PUBLIC_CHAIN)
  ? process.env.NEXT_PUBLIC_CHAIN
  : 'local';

/** An RPC URL that replaces the network's default one. */
export const BUILD_RPC_URL: string | undefined = process.env.NEXT_PUBLIC_RPC_URL || undefined;

/** WalletConnect is offered only when a project id is configured. */
export const WALLETCONNECT_PROJECT_ID: string | undefined =
  process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID || undefined;

/** A build for the local chain: the only kind that carries the dev panel and the local dev account. */
export const IS_LOCAL_BUILD = BUILD_NETWORK === 'local';
