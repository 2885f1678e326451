// The derived encryption key pairs of this tab, kept in memory only: never written to storage, gone when the tab
// closes, so a private key never outlives the page that needed it. Keyed by chain, registry and account, as the
// signed message is. No React here.
import type { Address } from 'viem';
import type { EncryptionKeyPair } from '@/lib/audits/envelope/keyMessage';

export type KeyPairScope = { chainId: number; registry: Address; account: Address };

const pairs = new Map<string, EncryptionKeyPair>();

function keyOf({ chainId, registry, account }: KeyPairScope): string {
  return `${chainId}:${registry.toLowerCase()}:${account.toLowerCase()}`;
}

export function rememberedKeyPair(scope: KeyPairScope): EncryptionKeyPair | undefined {
  return pairs.get(keyOf(scope));
}

export function rememberKeyPair(scope: KeyPairScope, pair: EncryptionKeyPair): void {
  pairs.set(keyOf(scope), pair);
}

/** Forgets every derived key of this tab (wiping the private bytes first). */
export function forgetKeyPairs(): void {
  for (const pair of pairs.values()) pair.privateKey.fill(0);
  pairs.clear();
}
