// TransactionAction inside the app's real providers, connected with the local dev account, sending to a real anvil:
// the transaction is simulated, signed, mined, and the outcome shown, as on the page.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useAccount, useConnect } from 'wagmi';
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callistoFSAbi, callistoFSBytecode } from '@/contracts-abi/CallistoFS';
import { multicall3Abi, multicall3Bytecode } from '@/contracts-abi/Multicall3';
import { startTestChain, type TestChain } from '@/contracts/test/harness';
import { saveNetworkSettings } from '@/lib/chain/settings';
import { allowed } from '@/lib/tx/actionState';
import { AppProviders } from './AppProviders';
import { contractWrite, TransactionAction } from './TransactionAction';

function ConnectLocalDevAccount() {
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

describe('TransactionAction on a real chain', () => {
  let chain: TestChain;
  let multicall: Address;
  let fileSystem: Address;

  beforeAll(async () => {
    chain = await startTestChain();
    multicall = await chain.deploy(multicall3Abi, multicall3Bytecode, []);
    fileSystem = await chain.deploy(callistoFSAbi, callistoFSBytecode, [
      chain.accounts[0]!.address,
      10n ** 18n,
      10n ** 15n,
    ]);
    // The app reads its network from the browser's storage: the local chain, through this test's anvil.
    saveNetworkSettings(window.localStorage, { network: 'local', rpcUrl: chain.rpcUrl });
  });
  afterAll(async () => {
    window.localStorage.clear();
    // Let the reads the unmounted app had in flight (the block number it polls) settle before the chain goes away.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await chain?.stop();
  });

  async function connected(ui: React.ReactNode) {
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

  it('sends the transaction, says so when it is mined, and reports the outcome', async () => {
    const onDone = vi.fn();
    const user = await connected(
      <TransactionAction
        label="Send an empty batch"
        action={allowed()}
        build={() => contractWrite({ address: multicall, abi: multicall3Abi, functionName: 'aggregate3', args: [[]] })}
        successMessage="Sent an empty batch"
        onDone={onDone}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Send an empty batch' }));
    await waitFor(
      () => expect(screen.getByRole('status').textContent).toMatch(/^Sent an empty batch\. transaction 0x/),
      {
        timeout: 20_000,
      },
    );
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ status: 'success' }));
  });

  it("shows the contract's reason when the transaction would revert, before any wallet prompt", async () => {
    const user = await connected(
      <TransactionAction
        label="Withdraw"
        action={allowed()}
        build={() => contractWrite({ address: fileSystem, abi: callistoFSAbi, functionName: 'withdraw', args: [7n] })}
        successMessage="Withdrew the deposit"
      />,
    );
    const before = await chain.publicClient.getBlockNumber();
    await user.click(screen.getByRole('button', { name: 'Withdraw' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Failed: CallistoFS: no such file'), {
      timeout: 20_000,
    });
    expect(await chain.publicClient.getBlockNumber()).toBe(before);
  });
});
