'use client';

import { ConnectButton } from '@rainbow-me/rainbowkit';
import { useAccount, useBalance } from 'wagmi';
import { formatClo, shortAddress } from '@/lib/format/clo';
import { Button } from './primitives';

/** The connected account and its CLO balance, or the way to connect; built on RainbowKit's modals so the
 * balance is exact (RainbowKit's own button abbreviates it). */
export function AccountButton() {
  const { address } = useAccount();
  const balance = useBalance({ address, query: { enabled: Boolean(address) } });
  return (
    <ConnectButton.Custom>
      {({ account, chain, mounted, openAccountModal, openChainModal, openConnectModal }) => {
        if (!mounted) return <Button disabled>Connect wallet</Button>;
        if (!account) return <Button onClick={openConnectModal}>Connect wallet</Button>;
        if (chain?.unsupported) {
          return (
            <Button variant="danger" onClick={openChainModal}>
              Wrong network: switch
            </Button>
          );
        }
        return (
          <div className="flex items-center gap-2">
            <span className="hidden text-sm tabular-nums text-slate-300 sm:inline" data-testid="account-balance">
              {balance.data ? `${formatClo(balance.data.value, 2)} CLO` : '… CLO'}
            </span>
            <Button variant="secondary" onClick={openAccountModal} title={account.address}>
              <span className="sr-only">Account </span>
              {shortAddress(account.address)}
            </Button>
          </div>
        );
      }}
    </ConnectButton.Custom>
  );
}
