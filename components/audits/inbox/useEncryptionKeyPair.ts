'use client';

import { useCallback, useState } from 'react';
import type { Address } from 'viem';
import { useChainId, useSignMessage } from 'wagmi';
import { KEY_SIGNATURE_PURPOSE } from '@/lib/audits/envelope/advice';
import { encryptionKeyMessage, type EncryptionKeyPair } from '@/lib/audits/envelope/keyMessage';
import { describeTxError } from '@/lib/tx/describeTxError';
import { rememberedKeyPair, rememberKeyPair } from './keyPairMemory';

export type KeyPairState =
  | { status: 'none' }
  | { status: 'signing' }
  | { status: 'ready'; keyPair: EncryptionKeyPair }
  | { status: 'failed'; message: string };

/**
 * The connected account's encryption key pair for `registry`: asked of the wallet (one signature) the first time a
 * report is opened in this tab, then kept in the tab's memory. `derive` returns the pair, signing only when needed.
 */
export function useEncryptionKeyPair(registry: Address, account: Address | undefined) {
  const chainId = useChainId();
  const { signMessageAsync } = useSignMessage();
  const scope = account ? { chainId, registry, account } : undefined;
  const remembered = scope ? rememberedKeyPair(scope) : undefined;
  const [state, setState] = useState<KeyPairState>({ status: 'none' });

  const derive = useCallback(async (): Promise<EncryptionKeyPair | undefined> => {
    if (!account) return undefined;
    const known = rememberedKeyPair({ chainId, registry, account });
    if (known) return known;
    setState({ status: 'signing' });
    try {
      const signature = await signMessageAsync({ account, message: encryptionKeyMessage({ chainId, registry }) });
      // Loaded on first use: the HPKE code is not part of the page's first load.
      const { deriveEncryptionKeyPair } = await import('@/lib/audits/envelope/keys');
      const keyPair = await deriveEncryptionKeyPair(signature);
      rememberKeyPair({ chainId, registry, account }, keyPair);
      setState({ status: 'ready', keyPair });
      return keyPair;
    } catch (error) {
      const described = describeTxError(error);
      const message =
        described.kind === 'cancelled'
          ? `You declined the signature, so the report stays closed. ${KEY_SIGNATURE_PURPOSE}`
          : `The wallet did not sign: ${described.message}`;
      setState({ status: 'failed', message });
      return undefined;
    }
  }, [account, chainId, registry, signMessageAsync]);

  const current: KeyPairState = remembered ? { status: 'ready', keyPair: remembered } : state;
  return { state: current, derive, chainId };
}
