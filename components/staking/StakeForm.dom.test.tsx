// The add-to-stake acknowledgement: adding to a stake mid-round restarts the round, so the form says what that
// costs in figures and sends nothing until the staker accepts it. Rendered as the staking page composes it, with the
// app's own providers and the local dev account, against a real anvil.
import { screen, waitFor } from '@testing-library/react';
import { parseEther, type Address } from 'viem';
import { useAccount } from 'wagmi';
import { renderConnected, startAppChain, stopAppChain } from '@/components/testing/appOnChain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coldStakingAbi, coldStakingBytecode } from '@/contracts-abi/ColdStaking';
import { type TestChain } from '@/contracts/test/harness';
import { LOCAL_DEV_ACCOUNT_INDEX } from '@/lib/chain/anvilAccounts';
import { useNetwork } from '@/components/ui/NetworkContext';
import { useAccountFunds } from './hooks/useAccountFunds';
import { useStakingFigures } from './hooks/useStakingFigures';
import { StakeForm } from './StakeForm';

const ROUND = 86_400n;
const MAX_DELAY = 365n * 86_400n;
const MAX_SECONDS_PER_BLOCK = 30n * 86_400n;

/** The stake form as StakingDashboard mounts it. */
function StakeFormOnPage({ staking }: { staking: Address }) {
  const { address } = useAccount();
  const { chain } = useNetwork();
  const { pool, position } = useStakingFigures(staking, address, chain.id);
  const { balance, gasPrice } = useAccountFunds(address);
  if (!pool || !address || !position) return null;
  return (
    <StakeForm staking={staking} pool={pool} position={position} balance={balance} gasPrice={gasPrice} connected />
  );
}

describe('adding to a stake mid-round', () => {
  let chain: TestChain;
  let staking: Address;
  let me: Address;

  beforeAll(async () => {
    chain = await startAppChain();
    staking = await chain.deploy(coldStakingAbi, coldStakingBytecode, [
      ROUND,
      MAX_DELAY,
      MAX_SECONDS_PER_BLOCK,
      chain.accounts[0]!.address,
    ]);
    me = chain.accounts[LOCAL_DEV_ACCOUNT_INDEX]!.address;
    // A three-round stake, one and a half rounds old, with block rewards in the pool: a top-up now pays the
    // completed round and forfeits the half round in progress.
    await chain.write(LOCAL_DEV_ACCOUNT_INDEX, {
      address: staking,
      abi: coldStakingAbi,
      functionName: 'start_staking',
      args: [3n],
      value: parseEther('100'),
    });
    await chain.setBalance(staking, parseEther('100') + parseEther('50'));
    await chain.increaseTime((3n * ROUND) / 2n);
  });
  afterAll(() => stopAppChain(chain));

  it('shows no error before anything is typed, says next to the button why it waits, and a cleared amount starts afresh', async () => {
    const user = await renderConnected(<StakeFormOnPage staking={staking} />);
    const field = await screen.findByLabelText('Amount (CLO)', undefined, { timeout: 20_000 });
    const add = screen.getByRole('button', { name: 'Add to stake' });
    expect(field.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText('Enter an amount of CLO')).toBeNull();

    const nonce = await chain.publicClient.getTransactionCount({ address: me });
    await user.type(field, '1');
    await screen.findByRole('alert');
    await user.click(add);
    const reason = screen.getByTestId('submit-reason');
    expect(reason.textContent).toMatch(/^Tick “I understand and want to add now” in the warning above first/);
    expect(add.getAttribute('aria-describedby')).toBe(reason.id);
    expect(add).toHaveProperty('disabled', false);

    await user.clear(field);
    await user.type(field, 'abc');
    await user.click(add);
    expect(screen.getByText('Enter a number, such as 100 or 2.5')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');

    await user.clear(field);
    expect(screen.queryByText('Enter a number, such as 100 or 2.5')).toBeNull();
    expect(field.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByTestId('submit-reason')).toBeNull();
    expect(await chain.publicClient.getTransactionCount({ address: me })).toBe(nonce);
  });

  it('shows the term end each choice gives, says when a shorter one keeps the current end, and names the term in words', async () => {
    const user = await renderConnected(<StakeFormOnPage staking={staking} />);
    const select = await screen.findByLabelText(/^Term, in rounds/, undefined, { timeout: 20_000 });
    // The stake's term ends 1.5 rounds from now: one round keeps that end, two or more move it.
    await user.selectOptions(select, '1');
    const kept = screen.getByTestId('preview-term-end').textContent;
    expect(screen.getByTestId('preview-term-note').textContent).toMatch(
      /^Your current term ends later than 1 round from now, so adding keeps its end; choose 2 rounds or more/,
    );
    expect(screen.getByRole('option', { name: /^1 round, .*\(keeps your current term end\)$/ })).toBeTruthy();
    await user.selectOptions(select, '3');
    expect(screen.getByTestId('preview-term-end').textContent).not.toBe(kept);
    expect(screen.getByTestId('preview-term-note').textContent).toBe('Adding extends your term to 3 rounds from now.');

    await user.type(screen.getByLabelText('Amount (CLO)'), '1');
    expect((await screen.findAllByText('Estimate: cumulative reward, 3 rounds')).length).toBeGreaterThan(0);
    await user.selectOptions(select, '1');
    expect((await screen.findAllByText('Estimate: cumulative reward, 1 round')).length).toBeGreaterThan(0);
    expect(document.body.textContent).not.toContain('(s)');
  });

  it('says what the top-up forfeits and sends nothing until the staker accepts it', async () => {
    const user = await renderConnected(<StakeFormOnPage staking={staking} />);
    await user.type(await screen.findByLabelText('Amount (CLO)', undefined, { timeout: 20_000 }), '1');

    const warning = await screen.findByRole('alert');
    expect(warning.textContent).toMatch(
      /then restarts your current round: its 12 h so far earn nothing, about [\d.]+ CLO/,
    );
    const [lostTime] = await chain.publicClient.readContract({
      address: staking,
      abi: coldStakingAbi,
      functionName: 'add_stake_loss',
      args: [me],
    });
    expect(lostTime).toBe(ROUND / 2n);

    const nonce = await chain.publicClient.getTransactionCount({ address: me });
    const add = screen.getByRole('button', { name: 'Add to stake' });
    await user.click(add);
    expect(screen.getByTestId('submit-reason')).toBeTruthy();
    expect(await chain.publicClient.getTransactionCount({ address: me })).toBe(nonce);

    await user.click(screen.getByRole('checkbox', { name: 'I understand and want to add now.' }));
    expect(screen.queryByTestId('submit-reason')).toBeNull();
    await user.click(add);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Staked 1 CLO/), { timeout: 20_000 });
    expect(await chain.publicClient.getTransactionCount({ address: me })).toBe(nonce + 1);
    const [amount] = await chain.publicClient.readContract({
      address: staking,
      abi: coldStakingAbi,
      functionName: 'staker',
      args: [me],
    });
    expect(amount).toBe(parseEther('101'));
  });
});
