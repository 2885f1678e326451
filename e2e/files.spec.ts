// The Callisto File System as a user meets it: bad input refused before anything is sent, a file's CID computed in
// the browser (equal to the one Node computes with the same Kubo settings), the deposit paid, the bytes uploaded to
// a host node, both nodes confirming on chain, a download verified block by block against the CID, and the deposit
// withdrawn back to the wei.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createPublicClient, http } from 'viem';
import { callistoFSAbi } from '../contracts-abi/CallistoFS';
import { computeCid } from '@callisto-hub/unixfs';
import { anvilAddress, deployedAddress, expect, lastTxOf, openConnected, rpcBalance, test } from './fixtures';

/** A seeded staker with CLO to spare and no file at the test's path. */
const OWNER = 2;

test('a file is uploaded, confirmed by both host nodes, downloaded verified, and its deposit withdrawn', async ({
  page,
  rpcUrl,
}) => {
  test.setTimeout(120_000);
  const fileSystem = deployedAddress('CallistoFS');
  const client = createPublicClient({ transport: http(rpcUrl) });
  const owner = anvilAddress(OWNER);
  await openConnected(page, rpcUrl, '/files/', OWNER);
  const fileInput = page.getByTestId('upload-file-input');

  // An empty file is refused before anything is computed or sent.
  await fileInput.setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await expect(page.getByTestId('upload-file-error')).toContainText(/empty/i);
  await expect(page.getByTestId('upload-submit')).toBeDisabled();

  // Three 256 KiB chunks and a bit: a balanced DAG with raw leaves, as Kubo builds it.
  const bytes = randomBytes(3 * 256 * 1024 + 1234);
  const expected = await computeCid([
    {
      path: 'report.bin',
      content: (async function* () {
        yield new Uint8Array(bytes);
      })(),
    },
  ]);
  await fileInput.setInputFiles({ name: 'report.bin', mimeType: 'application/octet-stream', buffer: bytes });
  await expect(page.getByTestId('upload-cid')).toHaveText(expected.cid, { timeout: 30_000 });
  await expect(page.getByTestId('deposit-quote')).toContainText('CLO');
  // The rule a new upload lives by is said next to the button: it counts once a node confirms it, or expires.
  await expect(page.getByTestId('quote-confirmation-rule')).toContainText('counts once a host node confirms');
  await expect(page.getByTestId('quote-confirmation-rule')).toContainText('24 hours');

  // A path that climbs out of the home directory is refused next to the field; nothing is sent.
  const path = page.getByTestId('upload-path');
  await path.fill('reports/../../etc/passwd');
  await expect(page.getByTestId('upload-path-error')).toBeVisible();
  const countBefore = await client.readContract({
    address: fileSystem,
    abi: callistoFSAbi,
    functionName: 'file_count',
  });
  await expect(page.getByTestId('upload-submit')).toBeDisabled();
  expect(await client.readContract({ address: fileSystem, abi: callistoFSAbi, functionName: 'file_count' })).toBe(
    countBefore,
  );

  await path.fill('e2e/report.bin');
  await expect(page.getByTestId('upload-path-error')).toHaveCount(0);
  await page.getByTestId('upload-submit').click();
  await expect(page.getByTestId('upload-result')).toBeVisible({ timeout: 30_000 });
  const id = countBefore;
  const registered = await client.readContract({
    address: fileSystem,
    abi: callistoFSAbi,
    functionName: 'file',
    args: [id],
  });
  expect(registered.owner).toBe(owner);
  expect(registered.cid).toBe(expected.cid);
  expect(registered.size).toBe(BigInt(bytes.length));
  expect(registered.path).toBe('e2e/report.bin');
  // The quote box keeps the deposit just paid, though the upload itself moved the totals (a fresh quote for the
  // same file would now be higher).
  await expect(page.getByTestId('deposit-quote')).toHaveAttribute('data-exact', registered.deposit.toString());
  // Pending until a node confirms it (the nodes may already have), with a day to be confirmed.
  expect(registered.expires_at).toBe(registered.uploaded_at + 86_400n);

  // Both host nodes pin it (the second copies it from the first) and confirm on chain; the page follows.
  await page.getByTestId('uploaded-file-link').click();
  await expect(page.getByTestId('file-confirmations')).toContainText('2 of 2', { timeout: 60_000 });
  // Confirmed: its size now counts, and the page says it is stored.
  await expect(page.getByTestId('file-status')).toHaveText('Stored');
  const counted = await client.readContract({
    address: fileSystem,
    abi: callistoFSAbi,
    functionName: 'file',
    args: [id],
  });
  expect(counted.status).toBe(1);

  // Download through a host node, every block checked against the CID, and the bytes equal the original.
  await page.getByTestId('download-verify').click();
  await expect(page.getByTestId('verify-result')).toContainText(`Verified against CID ${expected.cid}`, {
    timeout: 30_000,
  });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('verified-file-link').first().click(),
  ]);
  expect(Buffer.compare(readFileSync(await download.path()), bytes)).toBe(0);

  // Withdraw: the page warns first that copies may remain; the whole deposit comes back.
  const before = await rpcBalance(rpcUrl, owner);
  await page.getByTestId('withdraw-button').click();
  await expect(page.getByTestId('withdraw-warning')).toContainText('Copies others made may remain on IPFS');
  await page.getByTestId('withdraw-confirm').click();
  await expect(page.getByTestId('file-status')).toHaveText(/Withdrawn/, { timeout: 30_000 });
  const after = await rpcBalance(rpcUrl, owner);
  const receipt = await client.getTransactionReceipt({ hash: await lastTxOf(rpcUrl, owner) });
  expect(after - before).toBe(registered.deposit - receipt.gasUsed * receipt.effectiveGasPrice);
  const withdrawn = await client.readContract({
    address: fileSystem,
    abi: callistoFSAbi,
    functionName: 'file',
    args: [id],
  });
  expect(withdrawn.withdrawn_at).toBeGreaterThan(0n);
});

test('a seeded upload whose bytes never reached a node waits for a confirmation before it counts', async ({
  page,
  rpcUrl,
}) => {
  // The seed registers drafts/not-sent-yet.txt for account 1 and never sends its bytes.
  await openConnected(page, rpcUrl, '/files/', 1);
  const row = page.getByTestId('file-row').filter({ hasText: 'not-sent-yet.txt' });
  await expect(row.getByTestId('file-status')).toHaveText('Waiting for confirmation', { timeout: 30_000 });
  await expect(row.getByTestId('file-confirmations')).toContainText('counts once a node confirms');
  await row.getByTestId('file-link').click();
  await expect(page.getByTestId('file-state-note')).toContainText('before the file counts');
  await expect(page.getByTestId('file-state-note')).toContainText('Deadline');
});
