// Strings that try to spoof what a user reads, written on chain as an attacker would (through viem, with an anvil
// key), then read as a user sees them: a bidi override cannot reorder a title or a file path (it shows as a
// `\u202E` badge in its own isolated box), a zero-width character in a platform name shows, a look-alike host is
// named in punycode, a userinfo link is refused, markup stays text, no dialog ever opens, and the longest strings
// the contracts accept do not widen a 390 px page.
import type { Page } from '@playwright/test';
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  encodeFunctionData,
  http,
  keccak256,
  parseEther,
  toHex,
  type Address,
  type Hex,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { computeCid } from '@callisto-hub/unixfs';
import { auditRegistryAbi } from '../contracts-abi/AuditRegistry';
import { callistoFSAbi } from '../contracts-abi/CallistoFS';
import { treasuryGovernanceAbi } from '../contracts-abi/TreasuryGovernance';
import { anvilPrivateKeys } from '../lib/chain/anvilAccounts';
import { deployedAddress, expect, openConnected, test } from './fixtures';

/** The attacker: a funded anvil account no other spec acts with. */
const ATTACKER = 9;

const XSS_TITLE = '<img src=x onerror=alert(1)>\u202Egpj.exe';
const RTL_PATH = `hostile/invoice\u202Efdp.exe`;
const HOMOGLYPH_URL = 'https://раypal.com/proposal.md';
const HOMOGLYPH_PUNYCODE = 'xn--ypal-43d9g.com';
const USERINFO_URL = 'https://paypal.com@evil.example/proposal.md';
const ZERO_WIDTH_PLATFORM = 'Solid\u200Bity 0.8.30';
const RTL_ENDPOINT = 'https://node\u202Egro.elpmaxe:8443/';
/** The longest unbroken strings the contracts accept: a title of 120 bytes, a request description of 500. */
const LONG_TITLE = 'W'.repeat(120);
const LONG_DESCRIPTION = 'A'.repeat(500);

interface Written {
  xssProposal: bigint;
  homoglyphProposal: bigint;
  userinfoProposal: bigint;
  request: bigint;
}

async function writeHostileStrings(rpcUrl: string): Promise<Written> {
  const account = privateKeyToAccount(anvilPrivateKeys[ATTACKER]!);
  const publicClient = createPublicClient({ transport: http(rpcUrl) });
  const wallet = createWalletClient({ transport: http(rpcUrl), account });
  const send = async (to: Address, data: Hex, value = 0n) => {
    // A fixed gas limit: these calls are meant to succeed, and a bare estimate can fall short in the next block.
    const hash = await wallet.sendTransaction({ to, data, value, chain: null, gas: 3_000_000n });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe('success');
  };

  const governance = deployedAddress('TreasuryGovernance');
  const g = { address: governance, abi: treasuryGovernanceAbi } as const;
  const deposit = await publicClient.readContract({ ...g, functionName: 'submission_deposit' });
  const propose = async (title: string, url: string) => {
    const id = await publicClient.readContract({ ...g, functionName: 'proposal_count' });
    await send(
      governance,
      encodeFunctionData({
        ...g,
        functionName: 'submit_funding',
        args: [title, url, keccak256(toHex(title)), account.address, parseEther('1'), 1],
      }),
      deposit,
    );
    return id;
  };
  const xssProposal = await propose(XSS_TITLE, HOMOGLYPH_URL);
  const homoglyphProposal = await propose(LONG_TITLE, HOMOGLYPH_URL);
  const userinfoProposal = await propose('Userinfo link', USERINFO_URL);

  const registry = deployedAddress('AuditRegistry');
  const request = await publicClient.readContract({
    address: registry,
    abi: auditRegistryAbi,
    functionName: 'request_count',
  });
  await send(
    registry,
    encodeFunctionData({
      abi: auditRegistryAbi,
      functionName: 'submit_request',
      args: [registry, 31337n, HOMOGLYPH_URL, LONG_DESCRIPTION, ZERO_WIDTH_PLATFORM],
    }),
  );

  const fileSystem = deployedAddress('CallistoFS');
  const bytes = new TextEncoder().encode('not really a pdf\n');
  const { cid, size } = await computeCid([
    {
      path: 'invoice.pdf',
      content: (async function* () {
        yield bytes;
      })(),
    },
  ]);
  const [, quote] = await publicClient.readContract({
    address: fileSystem,
    abi: callistoFSAbi,
    functionName: 'quote',
    args: [size],
  });
  await send(
    fileSystem,
    encodeFunctionData({ abi: callistoFSAbi, functionName: 'upload', args: [cid, size, RTL_PATH] }),
    quote * 2n,
  );
  return { xssProposal, homoglyphProposal, userinfoProposal, request };
}

/** Fails the test on any dialog: a script from the chain would show itself this way first. */
function refuseDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on('dialog', (dialog) => {
    opened.push(dialog.message());
    void dialog.dismiss();
  });
  return opened;
}

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test('hostile strings on chain are shown as what they are, in order, and cannot spoof a host', async ({
  page,
  rpcUrl,
}) => {
  test.setTimeout(180_000);
  const written = await writeHostileStrings(rpcUrl);
  const dialogs = refuseDialogs(page);
  await page.setViewportSize({ width: 390, height: 844 });

  // The title with markup and a right-to-left override: text, isolated, the override a visible badge.
  await openConnected(page, rpcUrl, `/governance/proposal/?id=${written.xssProposal}`, ATTACKER);
  const title = page.getByTestId('proposal-title');
  await expect(title).toBeVisible();
  const titleText = title.locator('bdi[data-safe-text]');
  await expect(titleText.locator('[data-hidden-char="\\\\u202E"]')).toBeVisible();
  expect(await titleText.evaluate((el) => el.textContent)).toBe(
    '<img src=x onerror=alert(1)>\\u202E (right-to-left override)gpj.exe',
  );
  await expect(title.locator('img')).toHaveCount(0);
  await expect(title.getByRole('note')).toContainText('contains hidden or direction-changing characters');
  // The look-alike description host is named in punycode beside the link, with a note.
  await expect(page.getByText(HOMOGLYPH_PUNYCODE).first()).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: 'mixes Latin and Cyrillic letters' }).first()).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);

  // The longest title the contract accepts, unbroken, wraps within the page.
  await page.goto(`/governance/proposal/?id=${written.homoglyphProposal}`);
  await expect(page.getByTestId('proposal-title')).toContainText(LONG_TITLE);
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);

  // A userinfo link is not a link: it says where it would really go.
  await page.goto(`/governance/proposal/?id=${written.userinfoProposal}`);
  await expect(page.getByRole('alert').filter({ hasText: 'it would go to evil.example' }).first()).toBeVisible();
  await expect(page.locator('a[href*="evil.example"]')).toHaveCount(0);

  // The list shows the same title isolated, the badge in it.
  await page.goto('/governance/');
  await expect(page.locator('[data-testid="proposal-item"] [data-hidden-char="\\\\u202E"]').first()).toBeVisible();

  // The audit request: a zero-width character in the platform shows; the 500-byte description wraps.
  await page.goto(`/audits/request/?id=${written.request}`);
  await expect(page.getByTestId('request-description')).toContainText(LONG_DESCRIPTION);
  await expect(page.locator('[data-hidden-char="\\\\u200B"]').first()).toBeVisible();
  await expect(page.getByText(HOMOGLYPH_PUNYCODE).first()).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);

  // The file path with an override, in "Your files" and on the file's page.
  await page.goto('/files/');
  const name = page.getByTestId('file-name').filter({ hasText: 'invoice' }).first();
  await expect(name.locator('[data-hidden-char="\\\\u202E"]')).toBeVisible();
  expect(await name.locator('bdi[data-safe-text]').evaluate((el) => el.textContent)).toBe(
    'invoice\\u202E (right-to-left override)fdp.exe',
  );

  expect(dialogs).toEqual([]);
});

test('a host node endpoint with a right-to-left override cannot reverse the note after it', async ({
  page,
  rpcUrl,
}) => {
  // Only governance elects nodes: the test stands in for it (anvil impersonation), then removes the node again.
  const fileSystem = deployedAddress('CallistoFS');
  const governance = deployedAddress('TreasuryGovernance');
  const testClient = createTestClient({ mode: 'anvil', transport: http(rpcUrl) });
  const publicClient = createPublicClient({ transport: http(rpcUrl) });
  const wallet = createWalletClient({ transport: http(rpcUrl), account: governance });
  const node = privateKeyToAccount(keccak256(toHex('hostile node'))).address;
  const call = async (data: Hex) => {
    const hash = await wallet.sendTransaction({ to: fileSystem, data, chain: null, gas: 3_000_000n });
    expect((await publicClient.waitForTransactionReceipt({ hash })).status).toBe('success');
  };
  await testClient.impersonateAccount({ address: governance });
  await testClient.setBalance({ address: governance, value: parseEther('1000000') });
  const dialogs = refuseDialogs(page);
  try {
    await call(
      encodeFunctionData({ abi: callistoFSAbi, functionName: 'add_host_node', args: [node, RTL_ENDPOINT, 1n] }),
    );
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/nodes/');
    const endpoint = page.getByTestId('node-endpoint').filter({ hasText: 'node' }).filter({ hasText: '\\u202E' });
    await expect(endpoint).toBeVisible();
    expect(await endpoint.locator('bdi[data-safe-text]').evaluate((el) => el.textContent)).toBe(
      'https://node\\u202E (right-to-left override)gro.elpmaxe:8443/',
    );
    await expect(endpoint.getByRole('note')).toContainText('contains hidden or direction-changing characters');
    expect(dialogs).toEqual([]);
  } finally {
    await call(encodeFunctionData({ abi: callistoFSAbi, functionName: 'remove_host_node', args: [node] }));
    await testClient.stopImpersonatingAccount({ address: governance });
  }
});
