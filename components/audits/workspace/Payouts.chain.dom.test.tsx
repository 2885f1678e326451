// An auditor's payouts after a claim, inside the app's real providers on a real anvil running the registry: the
// claimed period reads the amount the Claimed event paid and its date, not "0 CLO, Already claimed". Nothing mocked.
import { render, screen, waitFor, within } from '@testing-library/react';
import { keccak256, toHex, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRegistryAbi, auditRegistryBytecode } from '@/contracts-abi/AuditRegistry';
import type { TestChain } from '@/contracts/test/harness';
import { formatDateTime } from '@/lib/format/time';
import { AppProviders } from '@/components/ui/AppProviders';
import { startAppChain, stopAppChain } from '@/components/testing/appOnChain';
import { Payouts } from './Payouts';

const DAY = 86_400n;
const PERIOD = 27n * DAY;
const [OWNER, MANAGER, MANAGER2, AUDITOR, REQUESTER] = [0, 1, 2, 3, 4];
const LINK = 'https://gist.github.com/auditor/payout-report';
const BUDGET = 12_500_000_000_000_000_000n; // 12.5 CLO

describe('an auditor’s payouts on a real chain', () => {
  let chain: TestChain;
  let registry: Address;
  let claimedAt: bigint;
  const account = (i: number): Address => chain.accounts[i]!.address;
  // Loosely typed on purpose: the test drives the registry's whole flow by name, as the contract tests do.
  type Write = Parameters<TestChain['write']>[1];
  const call = (from: number, functionName: string, args: readonly unknown[], value?: bigint) =>
    chain.write(from, { address: registry, abi: auditRegistryAbi, functionName, args, value } as unknown as Write);

  beforeAll(async () => {
    chain = await startAppChain();
    registry = await chain.deploy(auditRegistryAbi, auditRegistryBytecode, [
      account(OWNER),
      30n * DAY,
      PERIOD,
      10n,
      5n,
    ]);
    await call(OWNER, 'appoint_manager', [account(MANAGER), 'manager@example.org']);
    await call(OWNER, 'appoint_manager', [account(MANAGER2), 'second@example.org']);
    await call(MANAGER, 'nominate_auditor', [account(AUDITOR), 'auditor@example.org']);
    await call(MANAGER2, 'confirm_auditor', [account(AUDITOR)]);
    await call(REQUESTER, 'submit_request', [
      account(REQUESTER),
      820n,
      'https://example.org/a.sol',
      'A token',
      'Solidity',
    ]);
    await call(MANAGER, 'approve', [0n]);
    // No envelope (""): the plain-link flow.
    await call(AUDITOR, 'submit_report', [0n, keccak256(toHex(LINK)), '']);
    await call(MANAGER, 'sign_report', [0n, account(AUDITOR), 0n]);
    await call(MANAGER, 'start', [0n]);
    // A gist link: no archive size and no deposit.
    await call(MANAGER, 'reveal_report', [0n, account(AUDITOR), LINK, 3000n, 0n]);
    await call(OWNER, 'fund', [], BUDGET);
    await chain.increaseTime(PERIOD + DAY);
    await chain.mine(1);
    const receipt = await call(AUDITOR, 'claim', [0n]);
    claimedAt = (await chain.publicClient.getBlock({ blockNumber: receipt.blockNumber })).timestamp;
  });

  afterAll(async () => {
    await stopAppChain(chain);
  });

  it('reads a claimed period as the amount paid and its date, with no claim button', async () => {
    render(
      <AppProviders>
        <Payouts registry={registry} account={account(AUDITOR)} />
      </AppProviders>,
    );
    const row = await screen.findByTestId('payout-row', {}, { timeout: 20_000 });
    await waitFor(
      () =>
        expect(within(row).getByTestId('claimed-note').textContent).toBe(
          `Claimed 12.5 CLO on ${formatDateTime(claimedAt)}`,
        ),
      { timeout: 30_000 },
    );
    expect(within(row).queryByRole('button', { name: 'Claim period 0' })).toBeNull();
    expect(row.textContent).not.toContain('Already claimed');
  });
});
