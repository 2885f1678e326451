import type { Browser, Page } from '@playwright/test';
import { createPublicClient, http, parseEther } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { treasuryGovernanceAbi } from '../contracts-abi/TreasuryGovernance';
import { anvilPrivateKeys } from '../lib/chain/anvilAccounts';
import { deployedAddress, expect, openConnected, test } from './fixtures';

const AUTHOR = 7;
const AUTHOR_ADDRESS = privateKeyToAccount(anvilPrivateKeys[AUTHOR]!).address;
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
  // Two epochs, three voters in their own browsers, evaluation, refund and payment: more than the default budget.
  test.slow();
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
  // A description at a URL the form cannot fetch is refused, with the reason next to the field.
  await page.getByLabel('It is already published at a URL').check();
  await page.getByLabel('Description URL').fill('https://example.invalid/docs-sprint.md');
  await page.getByLabel('Description text (Markdown)').fill('# Documentation sprint\n\nTwo epochs of documentation.');
  await page.getByRole('button', { name: 'Submit proposal' }).click();
  await expect(page.getByText(/The form could not fetch the URL/)).toBeVisible();

  // Stored on the file system in the same flow: the deposit, the host node, then the proposal.
  await page.getByLabel('Store it on the Callisto File System with the proposal').check();
  await expect(page.getByTestId('description-ipfs-url')).toContainText('ipfs://bafkrei');
  await expect(page.getByTestId('description-deposit')).toContainText('CLO');
  await page.getByRole('button', { name: 'Submit proposal' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Submitted “E2E: documentation sprint”' })).toBeVisible({
    timeout: 60_000,
  });
  const link = page.getByRole('link', { name: /^View proposal #\d+$/ });
  const id = ((await link.textContent()) ?? '').replace(/\D/g, '');
  await link.click();
  await expect(page.getByTestId('proposal-title')).toHaveText('E2E: documentation sprint');
  // Voters read it from the host nodes, and its bytes match the hash on chain.
  await expect(page.getByTestId('description-state')).toContainText('Verified: the text matches the hash on chain');

  // The vote runs through the next full epoch.
  await advanceEpoch(page);
  for (const voter of VOTERS_FOR) await voteAs(browser, rpcUrl, baseURL!, voter, id, 'FOR');
  await voteAs(browser, rpcUrl, baseURL!, VOTER_AGAINST, id, 'AGAINST');

  await advanceEpoch(page);
  await page.reload();
  // Evaluation is open for this epoch only, and the page says until when.
  await expect(page.getByTestId('proposal-state')).toHaveText('Awaiting evaluation');
  await expect(page.getByTestId('evaluation-deadline')).toContainText('Evaluate by');
  await expect(page.getByTestId('evaluate-by')).toContainText('evaluate by');
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Evaluated proposal ${id}` })).toBeVisible();
  await expect(page.getByTestId('proposal-state')).toHaveText('Accepted');

  // The deposit is credited, not sent: the author withdraws it.
  await expect(page.getByTestId('refund-owed')).toContainText('The treasury owes you');
  const refundBefore = await client.readContract({
    address: treasury,
    abi: treasuryGovernanceAbi,
    functionName: 'refund_owed',
    args: [AUTHOR_ADDRESS],
  });
  expect(refundBefore).toBeGreaterThanOrEqual(parseEther('500'));
  await page.getByRole('button', { name: 'Withdraw refund' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Withdrew your refund of' })).toBeVisible();
  expect(
    await client.readContract({
      address: treasury,
      abi: treasuryGovernanceAbi,
      functionName: 'refund_owed',
      args: [AUTHOR_ADDRESS],
    }),
  ).toBe(0n);

  const treasuryBefore = await client.getBalance({ address: treasury });
  const payeeBefore = await client.getBalance({ address: PAYEE });
  await page.getByRole('button', { name: 'Pay due epochs' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Paid 1,234.5 CLO to the payee' })).toBeVisible();
  expect(await client.getBalance({ address: PAYEE })).toBe(payeeBefore + parseEther('1234.5'));
  expect(await client.getBalance({ address: treasury })).toBe(treasuryBefore - parseEther('1234.5'));
  await expect(page.getByTestId('proposal-state')).toHaveText('Being paid');
});

test('a proposal nobody evaluated in time shows as expired, in the list and on its page', async ({ page, rpcUrl }) => {
  // The seed's first proposal was submitted before the clock moved on a year; it was expired.
  await openConnected(page, rpcUrl, '/governance/proposal/?id=0', AUTHOR);
  await expect(page.getByTestId('proposal-state')).toHaveText('Expired');
  await expect(page.getByTestId('evaluation-deadline')).toContainText('Nobody evaluated it by');
  await expect(page.getByRole('button', { name: 'Evaluate' })).toHaveCount(0);

  await page.goto('/governance/');
  await page.getByLabel('Filter by state').selectOption('Expired');
  // The filter searches every proposal, so the seeded one (the oldest) shows without paging back.
  await expect(page.getByTestId('proposal-search-progress')).toContainText(/Searched all \d+ proposals/);
  const item = page.getByTestId('proposal-item').filter({ hasText: 'Sponsor a Callisto meetup in Lisbon' });
  await expect(item.getByTestId('proposal-state')).toHaveText('Expired');
  await expect(item.getByTestId('expired-note')).toContainText('Nobody evaluated it by');
});

test('the parameter form states the bounds and refuses a change beyond one step before sending', async ({
  page,
  rpcUrl,
}) => {
  await openConnected(page, rpcUrl, '/governance/new/', AUTHOR);
  await page.getByLabel('Parameter change').check();
  await expect(page.getByTestId('parameter-rule')).toContainText('Allowed: 1% to 30%');
  await expect(page.getByTestId('parameter-rule')).toContainText('this proposal may set 5% to 15%');
  await page.getByLabel('Title').fill('E2E: raise the quorum');
  await page.getByLabel('New quorum (%)').fill('50');
  await page.getByRole('button', { name: 'Submit proposal' }).click();
  await expect(page.getByText('Quorum must be 100 to 3000 bps (1% to 30%)')).toBeVisible();
  await page.getByLabel('New quorum (%)').fill('16');
  await expect(page.getByText('Quorum may change by at most 500 bps at a time')).toBeVisible();
});

test('a funding payee that is the cold staking contract is explained as a donation to the reward pool', async ({
  page,
  rpcUrl,
}) => {
  await openConnected(page, rpcUrl, '/governance/new/', AUTHOR);
  await page.getByLabel('Payee address').fill(deployedAddress('ColdStaking'));
  await expect(page.getByTestId('payee-note')).toContainText('donated to the stakers’ reward pool');
});
