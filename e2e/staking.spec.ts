import { createPublicClient, http, parseEventLogs } from 'viem';
import { coldStakingAbi } from '../contracts-abi/ColdStaking';
import { anvilAddress, deployedAddress, expect, lastTxOf, openConnected, test } from './fixtures';

const STAKER = 6;

test('a staker stakes, claims a reward after a round, and withdraws after the term', async ({ page, rpcUrl }) => {
  const client = createPublicClient({ transport: http(rpcUrl) });
  const staking = deployedAddress('ColdStaking');
  const me = anvilAddress(STAKER);

  await openConnected(page, rpcUrl, '/staking/', STAKER);
  // Bad input is refused next to the field, and nothing is sent.
  const nonceBefore = await client.getTransactionCount({ address: me });
  await page.getByLabel('Amount (CLO)').fill('1.0000000000000000001');
  await page.getByRole('button', { name: 'Stake', exact: true }).click();
  await expect(page.getByText('CLO has at most 18 decimals')).toBeVisible();
  await page.getByLabel('Amount (CLO)').fill('1000000');
  await expect(page.getByText(/That is more than your balance/)).toBeVisible();
  expect(await client.getTransactionCount({ address: me })).toBe(nonceBefore);

  await page.getByLabel('Amount (CLO)').fill('100');
  await page.getByLabel(/^Term, in rounds/).selectOption('2');
  await expect(page.getByTestId('preview-multiplier')).toHaveText('0.50×');
  await page.getByRole('button', { name: 'Stake', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Staked 100 CLO' })).toBeVisible();
  await expect(page.getByTestId('my-stake')).toHaveText('100 CLO');
  await expect(page.getByRole('button', { name: 'Withdraw stake' })).toBeDisabled();

  const devPanel = page.getByText('Dev panel (local chain)');
  await devPanel.click();
  await page.getByRole('button', { name: 'A staking round' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Advanced the chain clock by a staking round.' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Credit' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Credited cold staking' })).toBeVisible();

  // The page shows what the contract says is claimable now.
  const claimable = await client.readContract({
    address: staking,
    abi: coldStakingAbi,
    functionName: 'stake_reward',
    args: [me],
  });
  expect(claimable).toBeGreaterThan(0n);
  await expect(page.getByTestId('claimable-reward')).toHaveAttribute('data-exact', claimable.toString());

  const beforeClaim = await client.getBalance({ address: me });
  await page.getByRole('button', { name: 'Claim reward' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Claimed/ })).toBeVisible();
  const claimReceipt = await client.waitForTransactionReceipt({ hash: await lastTxOf(rpcUrl, me) });
  const [claimEvent] = parseEventLogs({ abi: coldStakingAbi, eventName: 'Claim', logs: claimReceipt.logs });
  expect(claimEvent!.args.reward).toBeGreaterThan(0n);
  const gas = claimReceipt.gasUsed * claimReceipt.effectiveGasPrice;
  expect(await client.getBalance({ address: me })).toBe(beforeClaim + claimEvent!.args.reward - gas);

  // The second round ends the term: the stake comes back.
  await page.getByRole('button', { name: 'A staking round' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Advanced the chain clock by a staking round.' }),
  ).toBeVisible();
  const beforeWithdraw = await client.getBalance({ address: me });
  await page.getByRole('button', { name: 'Withdraw stake' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Withdrew 100 CLO/ })).toBeVisible();
  const withdrawReceipt = await client.waitForTransactionReceipt({ hash: await lastTxOf(rpcUrl, me) });
  const [withdrawn] = parseEventLogs({ abi: coldStakingAbi, eventName: 'WithdrawStake', logs: withdrawReceipt.logs });
  const rewards = parseEventLogs({ abi: coldStakingAbi, eventName: 'Claim', logs: withdrawReceipt.logs });
  const reward = rewards.reduce((sum, e) => sum + e.args.reward, 0n);
  expect(withdrawn!.args.amount).toBe(100n * 10n ** 18n);
  const withdrawGas = withdrawReceipt.gasUsed * withdrawReceipt.effectiveGasPrice;
  expect(await client.getBalance({ address: me })).toBe(beforeWithdraw + withdrawn!.args.amount + reward - withdrawGas);
  await expect(page.getByTestId('my-stake')).toHaveCount(0);
});
