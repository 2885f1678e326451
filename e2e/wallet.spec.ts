import { parseEther } from 'viem';
import { formatClo } from '../lib/format/clo';
import { anvilAddress, expect, openConnected, rpcBalance, test } from './fixtures';

test('a newcomer connects through the RainbowKit modal, sees the balance and uses the faucet', async ({
  page,
  rpcUrl,
}) => {
  const account = 8;
  await openConnected(page, rpcUrl, '/', account);

  const before = await rpcBalance(rpcUrl, anvilAddress(account));
  await expect(page.getByTestId('account-balance')).toHaveText(`${formatClo(before, 2)} CLO`);

  await page.getByText('Dev panel (local chain)').click();
  await page.getByRole('button', { name: 'Faucet: 1,000 CLO to my account' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 1,000 CLO to your account.' })).toBeVisible();

  const after = before + parseEther('1000');
  await expect(page.getByTestId('account-balance')).toHaveText(`${formatClo(after, 2)} CLO`);
  expect(await rpcBalance(rpcUrl, anvilAddress(account))).toBe(after);
});
