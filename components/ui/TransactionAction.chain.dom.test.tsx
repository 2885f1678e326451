// TransactionAction inside the app's real providers, connected with the local dev account, sending to a real anvil:
// the transaction is simulated, signed, mined, and the outcome shown, as on the page.
import { screen, waitFor, within } from '@testing-library/react';
import type { Address } from 'viem';
import { renderConnected, startAppChain, stopAppChain } from '@/components/testing/appOnChain';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callistoFSAbi, callistoFSBytecode } from '@/contracts-abi/CallistoFS';
import { multicall3Abi, multicall3Bytecode } from '@/contracts-abi/Multicall3';
import { type TestChain } from '@/contracts/test/harness';
import { allowed } from '@/lib/tx/actionState';
import { contractWrite, TransactionAction } from './TransactionAction';

describe('TransactionAction on a real chain', () => {
  let chain: TestChain;
  let multicall: Address;
  let fileSystem: Address;

  beforeAll(async () => {
    chain = await startAppChain();
    multicall = await chain.deploy(multicall3Abi, multicall3Bytecode, []);
    fileSystem = await chain.deploy(callistoFSAbi, callistoFSBytecode, [
      chain.accounts[0]!.address,
      10n ** 18n,
      10n ** 15n,
    ]);
  });
  afterAll(() => stopAppChain(chain));

  it('sends the transaction, says so when it is mined, and reports the outcome', async () => {
    const onDone = vi.fn();
    const user = await renderConnected(
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
    const user = await renderConnected(
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

  it("keeps each outcome in its own action's card, and clears an old one when another action starts", async () => {
    const batch = () =>
      contractWrite({ address: multicall, abi: multicall3Abi, functionName: 'aggregate3', args: [[]] });
    const user = await renderConnected(
      <>
        <section aria-label="First card">
          <TransactionAction label="First action" action={allowed()} build={batch} successMessage="First done" />
        </section>
        <section aria-label="Second card">
          <TransactionAction label="Second action" action={allowed()} build={batch} successMessage="Second done" />
        </section>
      </>,
    );
    const first = screen.getByRole('region', { name: 'First card' });
    const second = screen.getByRole('region', { name: 'Second card' });
    await user.click(screen.getByRole('button', { name: 'First action' }));
    await waitFor(() => expect(within(first).getByRole('status').textContent).toMatch(/^First done\./), {
      timeout: 20_000,
    });
    expect(within(second).getByRole('status').textContent).toBe('');

    await user.click(screen.getByRole('button', { name: 'Second action' }));
    await waitFor(() => expect(within(second).getByRole('status').textContent).toMatch(/^Second done\./), {
      timeout: 20_000,
    });
    expect(within(first).getByRole('status').textContent).toBe('');
    expect(screen.queryByText(/First done/)).toBeNull();
  });
});
