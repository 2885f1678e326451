// Rendered inside the app's real providers (wagmi, TanStack Query, RainbowKit, the network context) on the local
// chain. No wallet is connected and nothing here reaches the chain: these are the paths that send nothing.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';
import { allowed, refused } from '@/lib/tx/actionState';
import { AppProviders } from './AppProviders';
import { contractWrite, TransactionAction } from './TransactionAction';

const withdrawFile = contractWrite({
  address: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  abi: callistoFSAbi,
  functionName: 'withdraw',
  args: [3n],
});

// The call is checked against the ABI: a wrong argument does not compile.
// @ts-expect-error withdraw takes a file id (bigint), not a string
contractWrite({ ...withdrawFile, args: ['3'] });

describe('TransactionAction', () => {
  it('shows why it is refused next to a disabled button, tied to it for screen readers', async () => {
    const user = userEvent.setup();
    const build = vi.fn(() => withdrawFile);
    render(
      <AppProviders>
        <TransactionAction
          label="Withdraw"
          action={refused('Only the file’s owner can withdraw its deposit')}
          build={build}
          successMessage="Withdrew the deposit"
        />
      </AppProviders>,
    );
    const button = screen.getByRole('button', { name: 'Withdraw' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const reason = screen.getByText('Only the file’s owner can withdraw its deposit');
    expect(button.getAttribute('aria-describedby')).toBe(reason.id);
    await user.click(button);
    expect(build).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('says what is missing when the inputs cannot make a transaction, and sends nothing', async () => {
    const user = userEvent.setup();
    let amount = '';
    const { rerender } = render(
      <AppProviders>
        <TransactionAction
          label="Withdraw"
          action={allowed()}
          build={() => (amount ? withdrawFile : { error: 'Pick a file first' })}
          successMessage="Withdrew the deposit"
        />
      </AppProviders>,
    );
    const button = screen.getByRole('button', { name: 'Withdraw' });
    expect(button.getAttribute('aria-describedby')).toBeNull();
    await user.click(button);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Pick a file first');
    expect(button.getAttribute('aria-describedby')).toBe(alert.id);
    expect(screen.getByRole('status').textContent).toBe('');

    // Fixing the input clears the problem without another press.
    amount = '3';
    rerender(
      <AppProviders>
        <TransactionAction
          label="Withdraw"
          action={allowed()}
          build={() => (amount ? withdrawFile : { error: 'Pick a file first' })}
          successMessage="Withdrew the deposit"
        />
      </AppProviders>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for a wallet before sending when none is connected', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    render(
      <AppProviders>
        <TransactionAction
          label="Withdraw"
          action={allowed()}
          build={() => withdrawFile}
          successMessage="Withdrew the deposit"
          onDone={onDone}
        />
      </AppProviders>,
    );
    await user.click(screen.getByRole('button', { name: 'Withdraw' }));
    expect(screen.getByRole('status').textContent).toContain('Connect a wallet first.');
    expect(onDone).not.toHaveBeenCalled();
  });
});
