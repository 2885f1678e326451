// For component tests that send transactions: the app's own providers, connected with the local dev account, on a
// real anvil with Multicall3 at its canonical address (as the deploy script puts it). Test-only: no page imports it.
import { render, screen } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { useAccount, useConnect } from 'wagmi';
import { multicall3Abi, multicall3Bytecode } from '@/contracts-abi/Multicall3';
import { startTestChain, type TestChain } from '@/contracts/test/harness';
import { MULTICALL3_ADDRESS } from '@/lib/chain/chains';
import { saveNetworkSettings } from '@/lib/chain/settings';
import { AppProviders } from '@/components/ui/AppProviders';

/** Makes the app read through `chain`: Multicall3 at its canonical address (as the deploy script puts it), and the
 * local network in the browser's storage pointed at this chain's RPC. */
export async function pointAppAt(chain: TestChain): Promise<void> {
  const multicall = await chain.deploy(multicall3Abi, multicall3Bytecode, []);
  const code = await chain.publicClient.getCode({ address: multicall });
  await chain.testClient.setCode({ address: MULTICALL3_ADDRESS, bytecode: code! });
  saveNetworkSettings(window.localStorage, { network: 'local', rpcUrl: chain.rpcUrl });
}

/** A fresh anvil the app reads through. */
export async function startAppChain(): Promise<TestChain> {
  const chain = await startTestChain();
  await pointAppAt(chain);
  return chain;
}

/** Forgets the network choice and stops the chain, once the unmounted app's last polls have settled. */
export async function stopAppChain(chain: TestChain | undefined): Promise<void> {
  window.localStorage.clear();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await chain?.stop();
}

/** A button that connects the local dev account, then the connected address. */
export function ConnectLocalDevAccount() {
  const { connect, connectors } = useConnect();
  const { address } = useAccount();
  if (address) return <p>connected {address}</p>;
  const localDev = connectors.find((c) => c.id === 'localDevAccount');
  return (
    <button type="button" disabled={!localDev} onClick={() => localDev && connect({ connector: localDev })}>
      Connect the local dev account
    </button>
  );
}

/** Renders `ui` inside the app's providers and connects the local dev account, as a user would. */
export async function renderConnected(ui: ReactNode): Promise<UserEvent> {
  const user = userEvent.setup();
  render(
    <AppProviders>
      <ConnectLocalDevAccount />
      {ui}
    </AppProviders>,
  );
  await user.click(await screen.findByRole('button', { name: 'Connect the local dev account' }));
  await screen.findByText(/^connected 0x/);
  return user;
}
