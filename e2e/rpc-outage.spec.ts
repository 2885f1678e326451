import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { Page } from '@playwright/test';
import { findFreePort, startAnvil } from '../scripts/lib/anvil';
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

/** Points the app at `rpcUrl` as if the visitor had saved it in the settings (it was checked then; it changed
 * since). */
async function withSavedRpcUrl(page: Page, rpcUrl: string) {
  await page.addInitScript((url) => {
    window.localStorage.setItem('callisto-hub:network', JSON.stringify({ network: 'local', rpcUrl: url }));
  }, rpcUrl);
}

test('an RPC that accepts connections and never answers is reported as unreachable, not waited on', async ({
  page,
}) => {
  const held: Socket[] = [];
  const server = createServer((socket) => {
    // Accepts, reads, never answers.
    held.push(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await withSavedRpcUrl(page, url);
    await page.goto('/');
    // Within the expect timeout (15 s): the probe gives up after a few seconds, not after the transport's retries.
    await expect(page.getByRole('alert').filter({ hasText: `Cannot reach the network at ${url}` })).toBeVisible();
  } finally {
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('an RPC of another chain is named as such at startup', async ({ page }) => {
  const other = await startAnvil({ port: await findFreePort(), chainId: 1 });
  try {
    await withSavedRpcUrl(page, other.rpcUrl);
    await page.goto('/');
    await expect(
      page.getByRole('alert').filter({ hasText: `This RPC (${other.rpcUrl}) serves chain 1, the app expects 31337.` }),
    ).toBeVisible();
  } finally {
    await other.stop();
  }
});
