// The wallets the connect modal offers: only wallets that are there. Injected wallets announced through EIP-6963
// appear on their own (wagmi discovers them); this list adds the generic injected wallet only when an extension
// put a provider at window.ethereum (without one, RainbowKit's "Browser Wallet" waits forever on "Confirm
// connection in the extension"), WalletConnect when a project id is configured, and on the local chain the local
// dev account. With none of these the header says how to get a wallet (components/ui/AccountButton.tsx).
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

/** Whether a browser extension put a provider at `window.ethereum` (the page's window by default). */
export function injectedProviderPresent(
  scope: { ethereum?: unknown } | undefined = typeof window === 'undefined' ? undefined : window,
): boolean {
  return typeof scope?.ethereum === 'object' && scope.ethereum !== null;
}

export function appConnectors(options: {
  chain: Chain;
  rpcUrl: string;
  isLocalChain: boolean;
  walletConnectProjectId?: string;
  /** An extension's provider is at window.ethereum (see injectedProviderPresent). */
  injectedPresent: boolean;
}) {
  const present: WalletList[number]['wallets'] = [];
  if (options.injectedPresent) present.push(injectedWallet);
  if (options.walletConnectProjectId) present.push(walletConnectWallet);
  const wallets: WalletList = present.length > 0 ? [{ groupName: 'Wallets', wallets: present }] : [];
  if (options.isLocalChain) {
    wallets.unshift({ groupName: 'Local development', wallets: [localDevWallet(options.chain, options.rpcUrl)] });
  }
  // RainbowKit refuses an empty list; with nothing present there is nothing to connect (the header says so).
  if (wallets.length === 0) return [];
  return connectorsForWallets(wallets, {
    appName: 'Callisto Hub',
    // Only read by WalletConnect wallets, which are listed only when a real project id is configured.
    projectId: options.walletConnectProjectId ?? 'unused',
  });
}
