'use client';

import type { Address } from 'viem';
import { useBalance, useGasPrice } from 'wagmi';

/** What the connected account can stake: its balance, and the gas price that Max keeps a fee's worth of. */
export function useAccountFunds(account: Address | undefined) {
  const balance = useBalance({ address: account, query: { enabled: Boolean(account) } });
  const gasPrice = useGasPrice({ query: { enabled: Boolean(account) } });
  return { balance: balance.data?.value, gasPrice: gasPrice.data };
}
