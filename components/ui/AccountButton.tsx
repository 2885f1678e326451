'use client';

import { ConnectButton } from '@rainbow-me/rainbowkit';
import { useState } from 'react';
import { useAccount, useBalance, useConnectors } from 'wagmi';
import { formatClo, shortAddress } from '@/lib/format/clo';
import { Button } from './primitives';

/** Where a person without a wallet finds one that works with an EVM chain such as Callisto. */
export const GET_A_WALLET_URL = 'https://ethereum.org/en/wallets/find-wallet/';

/** Said instead of an empty wallet list: the browser has no wallet extension and nothing else can connect. */
function NoWallet() {
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <Button onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls="no-wallet-note">
        Connect wallet
      </Button>
      {open && (
        <p
          id="no-wallet-note"
          role="status"
          data-testid="no-wallet"
          className="absolute right-0 top-full z-20 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-md border border-slate-700 bg-slate-950 p-3 text-sm text-slate-200 shadow-lg"
        >
          No wallet found in this browser: install a wallet extension (
          <a
            href={GET_A_WALLET_URL}
            target="_blank"
            rel="noreferrer noopener"
            className="text-teal-300 underline underline-offset-2"
          >
            find one
          </a>
          ), then reload this page.
        </p>
      )}
    </div>
  );
}

/** The connected account and its CLO balance, or the way to connect; built on RainbowKit's modals so the
 * balance is exact (RainbowKit's own button abbreviates it). Only wallets that are present are offered; with none,
 * it says how to get one instead of opening a list that leads nowhere. */
export function AccountButton() {
  const { address } = useAccount();
  const balance = useBalance({ address, query: { enabled: Boolean(address) } });
  const connectors = useConnectors();
  return (
    <ConnectButton.Custom>
      {({ account, chain, mounted, openAccountModal, openChainModal, openConnectModal }) => {
        if (!mounted) return <Button disabled>Connect wallet</Button>;
        if (!account) {
          if (connectors.length === 0) return <NoWallet />;
          return <Button onClick={openConnectModal}>Connect wallet</Button>;
        }
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
