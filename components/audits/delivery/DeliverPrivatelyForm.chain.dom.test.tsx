// The auditor's private delivery as an auditor does it, in the app's real providers with the local dev account (an
// auditor of a real registry on anvil), a real CallistoFS and a real host node: the page shows the report's CID,
// link and commitment as the libraries compute them, says who will read it and who will not, seals it with real
// HPKE, pays the envelope's deposit, sends it to the node, and commits with the envelope's CID. The stored envelope
// opens for the manager it was sealed for and for nobody else, and holds none of the report's text. Nothing is
// mocked.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import type { Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditRegistryAbi, auditRegistryBytecode } from '@/contracts-abi/AuditRegistry';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';
import {
  deriveEncryptionKeyPair,
  encryptionKeyMessage,
  openReport,
  type EncryptionKeyPair,
} from '@/lib/audits/envelope';
import { anvilPrivateKeys, LOCAL_DEV_ACCOUNT_INDEX } from '@/lib/chain/anvilAccounts';
import { callistoLocal } from '@/lib/chain/chains';
import { allowed } from '@/lib/tx/actionState';
import { pointAppAt, renderConnected } from '@/components/testing/appOnChain';
import {
  electNode,
  removeDir,
  startFsChain,
  startNode,
  tempDir,
  type FsChain,
  type TestNode,
} from '@/host-node/test/harness';
import { DeliverPrivatelyForm } from './DeliverPrivatelyForm';
import { envelopeFilePath, envelopeSizeFor, prepareReport } from './deliveryPlan';

const APP_ORIGIN = 'http://localhost:3000';
const DAY = 86_400n;
const OWNER = 0;
const MANAGER_WITH_KEY = 1;
const MANAGER_WITHOUT_KEY = 2;
const DISMISSED_MANAGER = 3;
const DEVELOPER = 7;
const NODE = 8;
const REPORT =
  '# Audit of Vault.sol\n\n## High\n\nReentrancy in `withdraw()`: the balance is cleared after the call.\n';

async function keyPairOf(index: number, registry: Address): Promise<{ account: Address; keyPair: EncryptionKeyPair }> {
  const account = privateKeyToAccount(anvilPrivateKeys[index]!);
  const signature = await account.signMessage({
    message: encryptionKeyMessage({ chainId: callistoLocal.id, registry }),
  });
  return { account: account.address, keyPair: await deriveEncryptionKeyPair(signature) };
}

describe('the private delivery on a real chain with a real host node', () => {
  let fs: FsChain;
  let node: TestNode;
  let dir: string;
  let registry: Address;
  const address = (i: number) => privateKeyToAccount(anvilPrivateKeys[i]!).address;
  const auditor = address(LOCAL_DEV_ACCOUNT_INDEX);
  /** The form for request #0 of `onRegistry`, as the connected auditor sees it. */
  const renderForm = (onRegistry: Address = registry) =>
    renderConnected(
      <DeliverPrivatelyForm
        registry={onRegistry}
        fileSystem={fs.fileSystem}
        requestId={0n}
        myReport={undefined}
        action={allowed()}
      />,
    );

  beforeAll(async () => {
    fs = await startFsChain();
    await pointAppAt(fs.chain);
    dir = await tempDir('delivery');
    node = await startNode(fs, NODE, dir, { corsOrigins: [APP_ORIGIN] });
    await electNode(fs, node, NODE);
    registry = await fs.chain.deploy(auditRegistryAbi, auditRegistryBytecode, [
      fs.chain.accounts[OWNER]!.address,
      90n * DAY,
      27n * DAY,
      10n,
      5n,
    ]);
    const r = { address: registry, abi: auditRegistryAbi } as const;
    for (const m of [MANAGER_WITH_KEY, MANAGER_WITHOUT_KEY, DISMISSED_MANAGER])
      await fs.chain.write(OWNER, { ...r, functionName: 'appoint_manager', args: [address(m), `manager ${m}`] });
    // Adding an auditor takes two managers.
    await fs.chain.write(MANAGER_WITH_KEY, { ...r, functionName: 'nominate_auditor', args: [auditor, 'dev'] });
    await fs.chain.write(MANAGER_WITHOUT_KEY, { ...r, functionName: 'confirm_auditor', args: [auditor] });
    // The dismissed manager registered a key before leaving: it must not be sealed for.
    const dismissed = await keyPairOf(DISMISSED_MANAGER, registry);
    await fs.chain.write(DISMISSED_MANAGER, {
      ...r,
      functionName: 'set_encryption_key',
      args: [dismissed.keyPair.publicKey],
    });
    await fs.chain.write(OWNER, { ...r, functionName: 'dismiss_manager', args: [address(DISMISSED_MANAGER)] });
    const manager = await keyPairOf(MANAGER_WITH_KEY, registry);
    await fs.chain.write(MANAGER_WITH_KEY, {
      ...r,
      functionName: 'set_encryption_key',
      args: [manager.keyPair.publicKey],
    });
    await fs.chain.write(DEVELOPER, {
      ...r,
      functionName: 'submit_request',
      args: [fs.fileSystem, BigInt(callistoLocal.id), 'https://example.org/vault.sol', 'Vault', 'Solidity'],
    });
    await fs.chain.write(MANAGER_WITH_KEY, { ...r, functionName: 'approve', args: [0n] });
  });
  afterEach(cleanup);
  afterAll(async () => {
    window.localStorage.clear();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await node?.node.stop().catch(() => undefined);
    await fs?.chain.stop();
    if (dir) await removeDir(dir);
  });

  it('seals the written report for the manager with a key, stores the envelope and commits its CID', async () => {
    const user = await renderForm();

    // Who will read it, said before sealing: the manager in office with a key; the one without a key is warned
    // about; the dismissed manager is nowhere.
    const readers = await screen.findByTestId('delivery-readers', {}, { timeout: 20_000 });
    expect(readers.textContent).toContain(address(MANAGER_WITH_KEY));
    expect(readers.textContent).not.toContain(address(MANAGER_WITHOUT_KEY));
    const warning = screen.getByTestId('delivery-without-key');
    expect(warning.textContent).toContain('will not be able to read the report');
    expect(warning.textContent).toContain(address(MANAGER_WITHOUT_KEY));
    expect(screen.getByTestId('delivery-recipients').textContent).not.toContain(address(DISMISSED_MANAGER));
    expect(screen.getByText(/You will not be able to reopen the envelope/)).toBeTruthy();
    expect(screen.getByTestId('delivery-terms').textContent).toMatch(/two signatures/);

    await user.type(screen.getByLabelText('Report (Markdown)'), REPORT);
    const expected = await prepareReport(new TextEncoder().encode(REPORT));
    await waitFor(() => expect(screen.getByTestId('delivery-cid').textContent).toBe(expected.cid), {
      timeout: 20_000,
    });
    expect(screen.getByTestId('delivery-link').textContent).toBe(expected.link);
    expect(screen.getByTestId('delivery-commitment').textContent).toBe(expected.commitment);

    // The preview is the archive's renderer: the heading is a heading, no raw Markdown.
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = await screen.findByTestId('report-preview');
    expect(await within(preview).findByRole('heading', { name: 'Audit of Vault.sol' })).toBeTruthy();

    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Seal, store and commit the report' });
    await waitFor(() => expect(button.disabled).toBe(false), { timeout: 20_000 });
    await user.click(button);
    const done = await screen.findByTestId('delivery-done', {}, { timeout: 60_000 });
    expect(done.textContent).toContain('Delivered.');
    expect(done.textContent).toContain('Delivered reports');
    // The commitment is now used because of this delivery: the form says it is done, not that the hash is taken.
    await waitFor(() => expect(screen.getByTestId('delivery-blocker').textContent).toMatch(/^Delivered\./));
    expect(screen.queryByText(/already committed in the registry/)).toBeNull();

    const [report] = await fs.chain.publicClient.readContract({
      address: registry,
      abi: auditRegistryAbi,
      functionName: 'get_reports',
      args: [0n],
    });
    expect(report!.auditor).toBe(auditor);
    expect(report!.commitment).toBe(expected.commitment);
    const envelopeCid = report!.envelope_cid;
    expect(done.textContent).toContain(envelopeCid);

    // The deposit was paid by the auditor for its own file, at the envelope's path.
    const [found, fileId] = await fs.chain.publicClient.readContract({
      address: fs.fileSystem,
      abi: callistoFSAbi,
      functionName: 'file_id_at_path',
      args: [auditor, envelopeFilePath(0n, envelopeCid)],
    });
    expect(found).toBe(true);
    const file = await fs.chain.publicClient.readContract({
      address: fs.fileSystem,
      abi: callistoFSAbi,
      functionName: 'file',
      args: [fileId],
    });
    expect(file.cid).toBe(envelopeCid);
    expect(file.deposit).toBeGreaterThan(0n);

    // The node holds the envelope: ciphertext that opens for the manager it was sealed for, and no one else.
    const response = await fetch(`${node.url}/ipfs/${envelopeCid}`);
    expect(response.status).toBe(200);
    const envelope = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder('latin1').decode(envelope)).not.toContain('Reentrancy');
    const context = { chainId: callistoLocal.id, registry, requestId: 0n, auditor };
    const manager = await keyPairOf(MANAGER_WITH_KEY, registry);
    const opened = await openReport({ envelope, account: manager.account, keyPair: manager.keyPair, context });
    expect(new TextDecoder().decode(opened)).toBe(REPORT);
    for (const outsider of [MANAGER_WITHOUT_KEY, DISMISSED_MANAGER]) {
      const other = await keyPairOf(outsider, registry);
      await expect(
        openReport({ envelope, account: other.account, keyPair: other.keyPair, context }),
      ).rejects.toMatchObject({ kind: 'not-a-recipient' });
    }
  });

  it('after a node failure, a second press sends the same envelope again and never pays its deposit twice', async () => {
    const fileCount = () =>
      fs.chain.publicClient.readContract({ address: fs.fileSystem, abi: callistoFSAbi, functionName: 'file_count' });
    const user = await renderForm();
    await screen.findByTestId('delivery-readers', {}, { timeout: 20_000 });
    // The report the first test delivered: its link's hash is taken, as a link's would be.
    const field = screen.getByLabelText('Report (Markdown)');
    await user.type(field, REPORT);
    expect(await screen.findByRole('alert', {}, { timeout: 20_000 })).toHaveProperty(
      'textContent',
      expect.stringMatching(/already committed in the registry/),
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Seal, store and commit the report' }).disabled).toBe(
      true,
    );
    await user.clear(field);
    const second = `${REPORT}\n## Medium\n\nUnchecked return value of transfer().\n`;
    await user.type(field, second);
    const expected = await prepareReport(new TextEncoder().encode(second));
    await waitFor(() => expect(screen.getByTestId('delivery-commitment').textContent).toBe(expected.commitment), {
      timeout: 20_000,
    });
    const port = Number(new URL(node.url).port);
    await node.node.stop();
    const before = await fileCount();

    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Seal, store and commit the report' });
    await waitFor(() => expect(button.disabled).toBe(false), { timeout: 20_000 });
    await user.click(button);
    const error = await screen.findByTestId('delivery-error', {}, { timeout: 60_000 });
    expect(error.textContent).toMatch(
      /^The envelope was not stored, so nothing was committed: No host node took the envelope/,
    );
    expect(error.textContent).toContain('you will not pay twice');
    expect(await fileCount()).toBe(before + 1n);

    node = await startNode(fs, NODE, dir, { corsOrigins: [APP_ORIGIN], port });
    await user.click(button);
    await screen.findByTestId('delivery-done', {}, { timeout: 60_000 });
    expect(await fileCount()).toBe(before + 1n);
    const [report] = await fs.chain.publicClient.readContract({
      address: registry,
      abi: auditRegistryAbi,
      functionName: 'get_reports',
      args: [0n],
    });
    expect(report!.commitment).toBe(expected.commitment);
    const stored = await fs.chain.publicClient.readContract({
      address: fs.fileSystem,
      abi: callistoFSAbi,
      functionName: 'file',
      args: [before],
    });
    expect(stored.cid).toBe(report!.envelope_cid);
    expect(stored.owner).toBe(auditor);
  });

  it('refuses to seal when no manager in office has a key, says what to do, and refuses a file it could not show', async () => {
    const bare = await fs.chain.deploy(auditRegistryAbi, auditRegistryBytecode, [
      fs.chain.accounts[OWNER]!.address,
      90n * DAY,
      27n * DAY,
      10n,
      5n,
    ]);
    const r = { address: bare, abi: auditRegistryAbi } as const;
    for (const m of [MANAGER_WITHOUT_KEY, DISMISSED_MANAGER])
      await fs.chain.write(OWNER, { ...r, functionName: 'appoint_manager', args: [address(m), `manager ${m}`] });
    await fs.chain.write(MANAGER_WITHOUT_KEY, { ...r, functionName: 'nominate_auditor', args: [auditor, 'dev'] });
    await fs.chain.write(DISMISSED_MANAGER, { ...r, functionName: 'confirm_auditor', args: [auditor] });
    const user = await renderForm(bare);
    await screen.findByTestId('delivery-recipients', {}, { timeout: 20_000 });
    expect(screen.getByText('No manager in office has registered an encryption key.')).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: 'Pick a file (Markdown or PDF)' }));
    expect(screen.getByText(/A Markdown \(\.md\) or PDF file of at most 32 MB/)).toBeTruthy();
    const binary = new File([new Uint8Array([0x00, 0xff, 0xfe, 0x00, 0x01])], 'report.md');
    await user.upload(screen.getByTestId('report-file-input'), binary);
    expect(await screen.findByText(/neither Markdown \(UTF-8 text\) nor a PDF/)).toBeTruthy();

    await user.upload(
      screen.getByTestId('report-file-input'),
      new File([new TextEncoder().encode(REPORT)], 'report.md', { type: 'text/markdown' }),
    );
    const expected = await prepareReport(new TextEncoder().encode(REPORT));
    await waitFor(() => expect(screen.getByTestId('delivery-cid').textContent).toBe(expected.cid), {
      timeout: 20_000,
    });
    const blocker = await screen.findByTestId('delivery-blocker');
    await waitFor(() => expect(blocker.textContent).toMatch(/^No manager in office has registered an encryption key/));
    expect(blocker.textContent).toContain('Encryption key');
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Seal, store and commit the report' });
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBe(blocker.id);
  });

  it('delivers a picked PDF of several MB, its envelope the exact size quoted before sealing', async () => {
    // The auditor registers its own key this time: it is then a reader of its own delivery.
    const own = await keyPairOf(LOCAL_DEV_ACCOUNT_INDEX, registry);
    await fs.chain.write(LOCAL_DEV_ACCOUNT_INDEX, {
      address: registry,
      abi: auditRegistryAbi,
      functionName: 'set_encryption_key',
      args: [own.keyPair.publicKey],
    });
    const size = 3 * 1024 * 1024 + 123;
    const pdf = new Uint8Array(size);
    pdf.set(new TextEncoder().encode('%PDF-1.7\n'));
    for (let i = 9; i < size; i++) pdf[i] = (i * 7919) & 0xff;
    const user = await renderForm();
    const readers = await screen.findByTestId('delivery-readers', {}, { timeout: 20_000 });
    expect(readers.textContent).toContain('You (your registered key)');
    await user.click(screen.getByRole('radio', { name: 'Pick a file (Markdown or PDF)' }));
    await user.upload(
      screen.getByTestId('report-file-input'),
      new File([pdf], 'audit.pdf', { type: 'application/pdf' }),
    );
    const expected = await prepareReport(pdf);
    await waitFor(() => expect(screen.getByTestId('delivery-cid').textContent).toBe(expected.cid), {
      timeout: 30_000,
    });
    expect(screen.getByTestId('delivery-terms').textContent).toContain('3 MB');
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Seal, store and commit the report' });
    await waitFor(() => expect(button.disabled).toBe(false), { timeout: 20_000 });
    await user.click(button);
    await screen.findByTestId('delivery-done', {}, { timeout: 120_000 });

    const [report] = await fs.chain.publicClient.readContract({
      address: registry,
      abi: auditRegistryAbi,
      functionName: 'get_reports',
      args: [0n],
    });
    expect(report!.commitment).toBe(expected.commitment);
    const [, fileId] = await fs.chain.publicClient.readContract({
      address: fs.fileSystem,
      abi: callistoFSAbi,
      functionName: 'file_id_at_path',
      args: [auditor, envelopeFilePath(0n, report!.envelope_cid)],
    });
    const file = await fs.chain.publicClient.readContract({
      address: fs.fileSystem,
      abi: callistoFSAbi,
      functionName: 'file',
      args: [fileId],
    });
    // Two readers (the manager and the auditor): the size the deposit was quoted for.
    expect(file.size).toBe(envelopeSizeFor(BigInt(size), 2));
    const envelope = new Uint8Array(await (await fetch(`${node.url}/ipfs/${report!.envelope_cid}`)).arrayBuffer());
    const context = { chainId: callistoLocal.id, registry, requestId: 0n, auditor };
    const reopened = await openReport({ envelope, account: auditor, keyPair: own.keyPair, context });
    expect(reopened).toEqual(pdf);
  }, 180_000);
});
