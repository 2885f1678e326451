// An EIP-1193 provider that signs with one of anvil's published keys and forwards everything else to the
// local RPC. It lets a newcomer act on the local chain with no browser extension. Local builds only.
import {
  createWalletClient,
  hexToBigInt,
  http,
  numberToHex,
  type Address,
  type Chain,
  type EIP1193Provider,
  type Hex,
  type TypedDataDefinition,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

type Listener = (...args: unknown[]) => void;

const AUTHORIZED_KEY = 'callisto-hub:local-dev-account-connected';

interface RpcTransaction {
  to?: Address;
  data?: Hex;
  value?: Hex;
  gas?: Hex;
}

class ProviderRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

async function forward(rpcUrl: string, method: string, params: unknown): Promise<unknown> {
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: params ?? [] }),
  });
  const body = (await response.json()) as {
    result?: unknown;
    error?: { code: number; message: string; data?: unknown };
  };
  if (body.error)
    throw Object.assign(new ProviderRpcError(body.error.code, body.error.message), { data: body.error.data });
  return body.result;
}

export function createLocalDevProvider(options: { chain: Chain; rpcUrl: string; privateKey: Hex }): EIP1193Provider {
  const account = privateKeyToAccount(options.privateKey);
  const wallet = createWalletClient({
    account,
    chain: options.chain,
    transport: http(options.rpcUrl),
    pollingInterval: 100,
  });
  const listeners = new Map<string, Set<Listener>>();
  const chainIdHex = numberToHex(options.chain.id);
  // Like a real wallet, the account is hidden until the site asks to connect, and the grant is remembered
  // across reloads until the user disconnects.
  const storage = typeof window === 'undefined' ? undefined : window.localStorage;
  const isAuthorized = () => storage?.getItem(AUTHORIZED_KEY) === '1';

  const request = async ({ method, params }: { method: string; params?: unknown }): Promise<unknown> => {
    const args = (params ?? []) as unknown[];
    switch (method) {
      case 'eth_accounts':
        return isAuthorized() ? [account.address] : [];
      case 'eth_requestAccounts':
        storage?.setItem(AUTHORIZED_KEY, '1');
        return [account.address];
      case 'eth_chainId':
        return chainIdHex;
      case 'wallet_requestPermissions':
      case 'wallet_getPermissions':
        return [{ parentCapability: 'eth_accounts' }];
      case 'wallet_revokePermissions':
        storage?.removeItem(AUTHORIZED_KEY);
        return null;
      case 'wallet_switchEthereumChain': {
        const target = (args[0] as { chainId?: string } | undefined)?.chainId;
        if (target && Number(target) !== options.chain.id) {
          throw new ProviderRpcError(4902, `The local dev account only works on chain ${options.chain.id}`);
        }
        return null;
      }
      case 'eth_sendTransaction': {
        const tx = args[0] as RpcTransaction;
        return wallet.sendTransaction({
          to: tx.to,
          data: tx.data,
          value: tx.value ? hexToBigInt(tx.value) : undefined,
          gas: tx.gas ? hexToBigInt(tx.gas) : undefined,
        });
      }
      case 'personal_sign':
        return account.signMessage({ message: { raw: args[0] as Hex } });
      case 'eth_signTypedData_v4': {
        const typed = JSON.parse(args[1] as string) as TypedDataDefinition;
        return account.signTypedData(typed);
      }
      default:
        return forward(options.rpcUrl, method, params);
    }
  };

  const provider = {
    request,
    on(event: string, listener: Listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
    },
    removeListener(event: string, listener: Listener) {
      listeners.get(event)?.delete(listener);
    },
  };
  return provider as unknown as EIP1193Provider;
}
