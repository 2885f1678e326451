import type { Browser, Page } from '@playwright/test';
import { anvilAddress, expect, openConnected, test } from './fixtures';

const DEVELOPER = 7;
const MANAGER = 2; // appointed by the demo seed
const AUDITOR_A = 3;
const AUDITOR_B = 4;
const NOMINEE = 1; // nominated as an auditor by MANAGER in the demo seed, not confirmed
const LINK_A = 'https://gist.github.com/auditor-a/e2e-report';
const LINK_B = 'https://gist.github.com/auditor-b/e2e-report';

async function asAccount(browser: Browser, baseURL: string, rpcUrl: string, account: number, path: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await openConnected(page, rpcUrl, path, account);
  return { page, close: () => context.close() };
}

async function commitReport(page: Page, id: string, link: string) {
  // The private delivery is the form's default; a gist link is the other way.
  await page.getByRole('radio', { name: 'Commit a link' }).check();
  await page.getByLabel('Private report link').fill(link);
  await expect(page.getByTestId('report-hash')).toHaveText(/0x[0-9a-f]{64}/);
  await page.getByRole('button', { name: 'Commit report hash' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Committed the report hash for request #${id}` }),
  ).toBeVisible();
}

test('an audit goes from request to the registry through commit, sign and reveal', async ({
  page,
  browser,
  rpcUrl,
  baseURL,
}) => {
  // Some twenty transactions from four wallets, and a visit of the manager console: more than the default minute on
  // a loaded machine.
  test.setTimeout(120_000);
  // The contract to audit: the Multicall3 the local deploy placed, which has code on this chain.
  const target = '0xcA11bde05977b3631167028862bE2a173976CA11';

  await openConnected(page, rpcUrl, '/audits/new/', DEVELOPER);
  await page.getByLabel('Contract address').fill('not an address');
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page.getByText('Nothing was sent: correct the fields marked above.')).toBeVisible();
  await page.getByLabel('Contract address').fill(target);
  await page.getByLabel('Source URL').fill('https://example.org/multicall3.sol');
  await page.getByLabel('Description').fill('E2E audit of batched reads');
  await page.getByRole('button', { name: 'Submit request' }).click();
  const link = page.getByTestId('new-request-link');
  await expect(link).toBeVisible();
  const id = ((await link.textContent()) ?? '').replace(/\D/g, '');
  const requestPath = `/audits/request/?id=${id}`;

  const manager = await asAccount(browser, baseURL!, rpcUrl, MANAGER, requestPath);
  await manager.page.getByRole('button', { name: 'Approve' }).click();
  await expect(manager.page.getByRole('status').filter({ hasText: `Approved request #${id}` })).toBeVisible();

  for (const [auditor, reportLink] of [
    [AUDITOR_A, LINK_A],
    [AUDITOR_B, LINK_B],
  ] as const) {
    const session = await asAccount(browser, baseURL!, rpcUrl, auditor, requestPath);
    await commitReport(session.page, id, reportLink);
    await session.close();
  }

  const m = manager.page;
  await m.reload();
  await m.getByRole('button', { name: 'Mark in progress' }).click();
  await expect(m.getByTestId('request-state')).toHaveText('In progress');

  await expect(m.getByTestId('report-row')).toHaveCount(2);
  const auditorA = anvilAddress(AUDITOR_A);
  const auditorB = anvilAddress(AUDITOR_B);

  // Auditor B missed a vulnerability that A found: one error for B.
  for (const [auditor, errors] of [
    [auditorA, '0'],
    [auditorB, '1'],
  ] as const) {
    await m.getByLabel('Report to sign').selectOption(auditor);
    await m.getByLabel('Errors missed').fill(errors);
    await m.getByRole('button', { name: 'Sign report' }).click();
    await expect(
      m
        .getByRole('status')
        .filter({ hasText: /^Signed the report of/ })
        .last(),
    ).toBeVisible();
  }

  // A link that does not hash to the commitment is refused before anything is sent.
  await m.getByLabel('Report to reveal').selectOption({ index: 0 });
  await m.getByLabel('Report link', { exact: true }).fill('https://gist.github.com/someone-else/report');
  await m.getByRole('button', { name: 'Reveal report' }).click();
  await expect(m.getByText(/This link does not match the auditor.s commitment/)).toBeVisible();

  for (const reportLink of [LINK_A, LINK_B]) {
    const auditor = reportLink === LINK_A ? auditorA : auditorB;
    await m.getByLabel('Report to reveal').selectOption(auditor);
    await m.getByLabel('Report link', { exact: true }).fill(reportLink);
    await expect(m.getByTestId('reveal-match')).toHaveText('The link matches the commitment.');
    await m.getByRole('button', { name: 'Reveal report' }).click();
    // The auditor is named by contact and short address, as in the picker.
    const short = `${auditor.slice(0, 6)}…${auditor.slice(-4)}`;
    await expect(
      m.getByRole('status').filter({ hasText: `Revealed the report of ` }).filter({ hasText: short }),
    ).toBeVisible();
  }

  await m.getByRole('radio', { name: 'Passed' }).check();
  await m.getByRole('button', { name: 'Complete audit' }).click();
  // A finished request shows what happened instead of the forms that can no longer act.
  await expect(m.getByTestId('request-outcome')).toContainText('The audit passed');
  await expect(m.getByTestId('request-state')).toHaveText('Completed');
  await expect(m.getByRole('button', { name: 'Complete audit' })).toHaveCount(0);

  // Adding an auditor takes two managers: the seed's nomination by this manager waits for another one.
  await m.goto('/audits/manage/');
  const nomination = m.getByTestId('nomination-row').filter({ hasText: anvilAddress(NOMINEE) });
  await expect(nomination).toHaveCount(1);
  await expect(nomination.getByRole('button', { name: `Confirm auditor ${anvilAddress(NOMINEE)}` })).toBeDisabled();
  await expect(nomination.getByTestId('confirm-reason')).toHaveText(
    'You nominated this account: another manager must confirm it.',
  );
  await manager.close();

  await page.goto('/audits/');
  await page.getByRole('searchbox', { name: 'Search by address or name' }).fill('E2E audit of batched reads');
  const item = page.getByTestId('audited-item').filter({ hasText: 'E2E audit of batched reads' });
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('audit-verdict')).toHaveText('Passed');
  // A passed audit of a contract of this chain, whose code is the code audited, gives audited status.
  await expect(item.getByTestId('audited-status')).toHaveText(
    'Audited status: the code at this address passed this audit.',
  );
  await expect(item.getByTestId('audit-reports')).toContainText(LINK_A);
  await expect(item.getByTestId('audit-reports')).toContainText(LINK_B);

  // A report on https cannot be verified by the app: it says so, and checks the link against the commitment made
  // on chain before the reveal.
  const reportA = item.getByTestId('revealed-report').filter({ hasText: LINK_A });
  await reportA.getByRole('button', { name: 'Check the report' }).click();
  await expect(reportA.getByTestId('report-unverifiable')).toContainText('cannot verify');
  await expect(reportA.getByTestId('commitment-result')).toHaveText('the link hashes to the commitment');
  await expect(reportA.getByTestId('committed-when')).toContainText('block');
  await expect(reportA.getByTestId('revealed-when')).toContainText('block');
});
