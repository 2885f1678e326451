import type { Browser, Page } from '@playwright/test';
import { createPublicClient, http, parseEther } from 'viem';
import { deployedAddress, expect, openConnected, test } from './fixtures';

const AUTHOR = 7;
const VOTERS_FOR = [3, 4]; // seeded stakers of 2,000 and 5,000 CLO
const VOTER_AGAINST = 5; // seeded staker of 300 CLO
const PAYEE = '0x00000000000000000000000000000000000E2e01';

async function advanceEpoch(page: Page) {
  const panel = page.getByText('Dev panel (local chain)');
  if (!(await page.getByRole('button', { name: 'A governance epoch' }).isVisible())) await panel.click();
  await page.getByRole('button', { name: 'A governance epoch' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Advanced the chain clock by a governance epoch.' }),
  ).toBeVisible();
}

async function voteAs(browser: Browser, rpcUrl: string, baseURL: string, account: number, id: string, choice: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await openConnected(page, rpcUrl, `/governance/proposal/?id=${id}`, account);
  await page.getByRole('button', { name: `Vote ${choice}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Voted ${choice} with` })).toBeVisible();
  await context.close();
}

test('a funding proposal is submitted, voted by stakers, evaluated and paid for its first epoch', async ({
  page,
  browser,
  rpcUrl,
  baseURL,
}) => {
  const client = createPublicClient({ transport: http(rpcUrl) });
  const treasury = deployedAddress('TreasuryGovernance');

  await openConnected(page, rpcUrl, '/governance/new/', AUTHOR);
  await page.getByLabel('Title').fill('E2E: documentation sprint');
  await page.getByLabel('Payee address').fill('0x0000000000000000000000000000000000000000');
  await page.getByRole('button', { name: 'Submit proposal' }).click();
  await expect(page.getByText('Payee is the zero address')).toBeVisible();

  await page.getByLabel('Payee address').fill(PAYEE);
  await page.getByLabel('Amount per epoch (CLO)').fill('1234.5');
  await page.getByLabel('Epochs').selectOption('2');
  await page.getByLabel('Description URL').fill('https://example.org/docs-sprint.md');
  await page.getByLabel('Description text (Markdown)').fill('# Documentation sprint\n\nTwo epochs of documentation.');
  await page.getByRole('button', { name: 'Submit proposal' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Submitted “E2E: documentation sprint”' })).toBeVisible();
  const link = page.getByRole('link', { name: /^View proposal #\d+$/ });
  const id = ((await link.textContent()) ?? '').replace(/\D/g, '');
  await link.click();
  await expect(page.getByTestId('proposal-title')).toHaveText('E2E: documentation sprint');

  // The vote runs through the next full epoch.
  await advanceEpoch(page);
  for (const voter of VOTERS_FOR) await voteAs(browser, rpcUrl, baseURL!, voter, id, 'FOR');
  await voteAs(browser, rpcUrl, baseURL!, VOTER_AGAINST, id, 'AGAINST');

  await advanceEpoch(page);
  await page.reload();
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Evaluated proposal ${id}` })).toBeVisible();
  await expect(page.getByTestId('proposal-state')).toHaveText('Accepted');

  const treasuryBefore = await client.getBalance({ address: treasury });
  const payeeBefore = await client.getBalance({ address: PAYEE });
  await page.getByRole('button', { name: 'Pay due epochs' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Paid 1,234.5 CLO to the payee' })).toBeVisible();
  expect(await client.getBalance({ address: PAYEE })).toBe(payeeBefore + parseEther('1234.5'));
  expect(await client.getBalance({ address: treasury })).toBe(treasuryBefore - parseEther('1234.5'));
  await expect(page.getByTestId('proposal-state')).toHaveText('Being paid');
});
