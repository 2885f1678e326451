// The treasury picture as the governance page reads it, against a real anvil: a funding proposal accepted by cold
// stakers commits its amount to three epochs, and the chart's window (6 past epochs, the current one, 6 coming) shows
// exactly what the contract records for each, against the balance now.
import { render, screen, within } from '@testing-library/react';
import { keccak256, parseEther, toHex, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppChain, stopAppChain } from '@/components/testing/appOnChain';
import { AppProviders } from '@/components/ui/AppProviders';
import { auditRegistryAbi, auditRegistryBytecode } from '@/contracts-abi/AuditRegistry';
import { callistoFSAbi, callistoFSBytecode } from '@/contracts-abi/CallistoFS';
import { coldStakingAbi, coldStakingBytecode } from '@/contracts-abi/ColdStaking';
import { treasuryGovernanceAbi, treasuryGovernanceBytecode } from '@/contracts-abi/TreasuryGovernance';
import type { TestChain } from '@/contracts/test/harness';
import { formatCloReadable } from '@/lib/format/clo';
import { VoteChoice } from '@/lib/governance/proposal';
import { useCommittedPayouts } from './hooks/useCommittedPayouts';
import { useGovernanceClock } from './hooks/useGovernanceClock';
import { useTreasuryBalance } from './hooks/useTreasuryBalance';
import { TreasuryChart } from './TreasuryChart';

const DAY = 86_400n;
const EPOCH = 10n * DAY;
const DEPOSIT = parseEther('5');
const PER_EPOCH = parseEther('2000');
const TREASURY = parseEther('100000');

/** The treasury card's chart with the page's own reads. */
function Treasury({ governance }: { governance: Address }) {
  const clock = useGovernanceClock(governance);
  const treasury = useTreasuryBalance(governance);
  const committed = useCommittedPayouts(governance, clock.data?.currentEpoch);
  return (
    <TreasuryChart
      picture={committed.picture}
      balance={treasury.balance}
      available={treasury.available}
      failed={Boolean(committed.error)}
    />
  );
}

describe('the treasury chart on chain', () => {
  let chain: TestChain;
  let governance: Address;

  beforeAll(async () => {
    chain = await startAppChain();
    const owner = chain.accounts[0]!.address;
    const staking = await chain.deploy(coldStakingAbi, coldStakingBytecode, [DAY, 365n * DAY, 10n ** 12n, owner]);
    const registry = await chain.deploy(auditRegistryAbi, auditRegistryBytecode, [owner, 90n * DAY, EPOCH, 10n, 5n]);
    const fileSystem = await chain.deploy(callistoFSAbi, callistoFSBytecode, [
      owner,
      parseEther('1'),
      parseEther('0.001'),
    ]);
    governance = await chain.deploy(treasuryGovernanceAbi, treasuryGovernanceBytecode, [
      staking,
      EPOCH,
      1000,
      DEPOSIT,
      registry,
      fileSystem,
    ]);
    const setGovernance = { functionName: 'set_governance', args: [governance] } as const;
    await chain.write(0, { address: staking, abi: coldStakingAbi, ...setGovernance });
    await chain.write(0, { address: registry, abi: auditRegistryAbi, ...setGovernance });
    await chain.write(0, { address: fileSystem, abi: callistoFSAbi, ...setGovernance });
    const genesis = await chain.publicClient.readContract({
      address: governance,
      abi: treasuryGovernanceAbi,
      functionName: 'genesis',
    });
    const at = async (epoch: bigint) => {
      await chain.setNextBlockTimestamp(genesis + epoch * EPOCH + EPOCH / 2n);
      await chain.mine(1);
    };
    await chain.write(2, {
      address: staking,
      abi: coldStakingAbi,
      functionName: 'start_staking',
      args: [12n],
      value: parseEther('1000'),
    });
    // Epoch 0: a funding proposal of 2,000 CLO in each of 3 epochs; voted in epoch 1; evaluated (accepted) in
    // epoch 2, which commits epochs 2, 3 and 4.
    const submitted = await chain.write(1, {
      address: governance,
      abi: treasuryGovernanceAbi,
      functionName: 'submit_funding',
      args: [
        'Wallet support',
        'https://example.com/p.md',
        keccak256(toHex('p')),
        chain.accounts[6]!.address,
        PER_EPOCH,
        3,
      ],
      value: DEPOSIT,
    });
    expect(submitted.status).toBe('success');
    await at(1n);
    await chain.write(2, {
      address: governance,
      abi: treasuryGovernanceAbi,
      functionName: 'vote',
      args: [0n, VoteChoice.For],
    });
    await at(2n);
    expect(
      (await chain.write(1, { address: governance, abi: treasuryGovernanceAbi, functionName: 'evaluate', args: [0n] }))
        .status,
    ).toBe('success');
    // The treasury's share of block rewards, credited to its balance as the protocol does.
    await chain.setBalance(governance, TREASURY);
  });
  afterAll(() => stopAppChain(chain));

  it('shows each epoch of the window at what the contract records, the current one marked, against the balance', async () => {
    render(
      <AppProviders>
        <Treasury governance={governance} />
      </AppProviders>,
    );
    const chart = await screen.findByTestId('treasury-commitments-chart', undefined, { timeout: 20_000 });
    // Epoch 2 is current: the window is epochs 0 to 8 (no epoch before 0).
    expect(within(chart).getByText('Payouts committed per epoch, epochs 0 to 8, against the balance now')).toBeTruthy();
    const rows = within(chart).getAllByRole('row').slice(1);
    const cells = rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent));
    const committed = formatCloReadable(PER_EPOCH);
    const none = formatCloReadable(0n);
    expect(cells).toEqual([
      ['0 (past)', none],
      ['1 (past)', none],
      ['2 (now)', committed],
      ['3 (coming)', committed],
      ['4 (coming)', committed],
      ['5 (coming)', none],
      ['6 (coming)', none],
      ['7 (coming)', none],
      ['8 (coming)', none],
    ]);
    const picture = within(chart).getByRole('img');
    expect(picture.getAttribute('aria-label')).toContain(
      `${formatCloReadable(2n * PER_EPOCH)} over the next 6 epochs (the most, ${committed}, in epoch 3), against a balance of ${formatCloReadable(TREASURY)} now.`,
    );
    // The balance is drawn as a level, labelled.
    expect([...picture.querySelectorAll('text')].map((t) => t.textContent)).toContain(
      `balance now ${formatCloReadable(TREASURY)}`,
    );
    const note = screen.getByTestId('treasury-chart-note');
    expect(note.textContent).toContain('Past balances are not shown');
    expect(note.textContent).toMatch(
      /Committed over the next 6 epochs: 4,000 CLO, against .+ available for payments now\./,
    );
  });
});
