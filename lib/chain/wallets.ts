// The wallets the connect modal offers. Injected wallets announced through EIP-6963 appear on their own
// (wagmi discovers them); this list adds the generic injected wallet, WalletConnect when a project id is
// configured, and on the local chain the local dev account.
import { connectorsForWallets, type Wallet, type WalletList } from '@rainbow-me/rainbowkit';
import { injectedWallet, walletConnectWallet } from '@rainbow-me/rainbowkit/wallets';
import type { Chain } from 'viem';
import { createConnector } from 'wagmi';
import { injected } from 'wagmi/connectors';
import { anvilPrivateKeys, LOCAL_DEV_ACCOUNT_INDEX } from './anvilAccounts';
import { createLocalDevProvider } from './localDevProvider';

const LOCAL_DEV_ICON =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 28 28"><rect width="28" height="28" rx="6" fill="#0f766e"/><path d="M8 9h12v2H8zm0 4h12v2H8zm0 4h8v2H8z" fill="#fff"/></svg>',
  );

function localDevWallet(chain: Chain, rpcUrl: string): () => Wallet {
  const provider = createLocalDevProvider({ chain, rpcUrl, privateKey: anvilPrivateKeys[LOCAL_DEV_ACCOUNT_INDEX] });
  return () => ({
    id: 'localDevAccount',
    name: 'Local dev account',
    iconUrl: LOCAL_DEV_ICON,
    iconBackground: '#0f766e',
    installed: true,
    createConnector: (walletDetails) =>
      createConnector((config) => ({
        ...injected({ target: { id: 'localDevAccount', name: 'Local dev account', provider: () => provider } })(config),
        ...walletDetails,
      })),
  });
}

export function appConnectors(options: {
  chain: Chain;
  rpcUrl: string;
  isLocalChain: boolean;
  walletConnectProjectId?: string;
}) {
  const wallets: WalletList = [
    {
      groupName: 'Wallets',
      wallets: options.walletConnectProjectId ? [injectedWallet, walletConnectWallet] : [injectedWallet],
    },
  ];
  if (options.isLocalChain) {
    wallets.unshift({ groupName: 'Local development', wallets: [localDevWallet(options.chain, options.rpcUrl)] });
  }
  return connectorsForWallets(wallets, {
    appName: 'Callisto Hub',
    // Only read by WalletConnect wallets, which are listed only when a real project id is configured.
    projectId: options.walletConnectProjectId ?? 'unused',
  });
}
