import { expect, test } from './fixtures';

test('with the RPC down the app says so, keeps what it showed, and recovers when the RPC is back', async ({
  page,
  rpcUrl,
}) => {
  await page.goto('/');
  const stakers = page.getByText('Stakers').locator('..').locator('dd');
  await expect(stakers).toHaveText(/^\d+$/);

  // The browser's connections to the chain fail, as when the node goes down.
  const toRpc = new RegExp(`^${rpcUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`);
  await page.route(toRpc, (route) => route.abort('connectionrefused'));
  const banner = page.getByRole('alert').filter({ hasText: 'Cannot reach the network' });
  await expect(banner).toBeVisible();
  await expect(stakers).toHaveText(/^\d+$/);

  await page.unroute(toRpc);
  await expect(banner).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Callisto Network' })).toBeVisible();
});
