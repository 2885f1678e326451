// The upload card as a person uses it, inside the app's real providers with the local dev account, against a real
// anvil running CallistoFS and real host nodes (host-node/test/harness.ts): the quote follows the picked file, is
// frozen at the deposit paid once registered, a node that went down is skipped for the next one, and a send that
// every node refused is sent again once a node is back. Nothing is mocked.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useAccount, useConnect } from 'wagmi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';
import { endpointHost } from '@/lib/files/links';
import { formatCloReadable } from '@/lib/format/clo';
import { AppProviders } from '@/components/ui/AppProviders';
import { pointAppAt } from '@/components/testing/appOnChain';
import {
  electNode,
  removeDir,
  startFsChain,
  startNode,
  tempDir,
  type FsChain,
  type TestNode,
} from '@/host-node/test/harness';
import { UploadCard } from './UploadCard';

/** The app's origin in the DOM tests: the nodes must allow it, as a real node allows the app's site. */
const APP_ORIGIN = 'http://localhost:3000';
const NODE_A = 8;
const NODE_B = 9;

function ConnectedUploadCard({ fileSystem }: { fileSystem: `0x${string}` }) {
  const { connect, connectors } = useConnect();
  const { address } = useAccount();
  const localDev = connectors.find((c) => c.id === 'localDevAccount');
  return (
    <>
      {address ? (
        <p>connected</p>
      ) : (
        <button type="button" disabled={!localDev} onClick={() => localDev && connect({ connector: localDev })}>
          Connect the local dev account
        </button>
      )}
      <UploadCard fileSystem={fileSystem} account={address} />
    </>
  );
}

function fileOf(name: string, size: number, seed: number): File {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff;
  return new File([bytes], name, { type: 'application/octet-stream' });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the upload card on a real chain with real host nodes', () => {
  let fs: FsChain;
  const dirs: string[] = [];
  let nodeA: TestNode;
  let nodeB: TestNode | undefined;

  async function startAt(account: number, port = 0): Promise<TestNode> {
    const dir = dirs[account === NODE_A ? 0 : 1] ?? (await tempDir('upload-card'));
    if (!dirs.includes(dir)) dirs.push(dir);
    return startNode(fs, account, dir, { corsOrigins: [APP_ORIGIN], port });
  }

  beforeAll(async () => {
    fs = await startFsChain();
    await pointAppAt(fs.chain);
    nodeA = await startAt(NODE_A);
    await electNode(fs, nodeA, NODE_A);
  });

  afterAll(async () => {
    window.localStorage.clear();
    await sleep(1_000);
    await nodeA?.node.stop().catch(() => undefined);
    await nodeB?.node.stop().catch(() => undefined);
    await fs?.chain.stop();
    for (const dir of dirs) await removeDir(dir);
  });

  async function open() {
    const user = userEvent.setup();
    render(
      <AppProviders>
        <ConnectedUploadCard fileSystem={fs.fileSystem} />
      </AppProviders>,
    );
    await user.click(await screen.findByRole('button', { name: 'Connect the local dev account' }));
    await screen.findByText('connected');
    await waitFor(() => expect(screen.queryByText('Reading the storage prices…')).toBeNull(), { timeout: 20_000 });
    return user;
  }

  async function pick(user: ReturnType<typeof userEvent.setup>, file: File) {
    await user.upload(screen.getByTestId('upload-file-input'), file);
    await screen.findByTestId('upload-cid', undefined, { timeout: 20_000 });
  }

  async function contractQuote(size: number): Promise<bigint> {
    const [, deposit] = await fs.chain.publicClient.readContract({
      address: fs.fileSystem,
      abi: callistoFSAbi,
      functionName: 'quote',
      args: [BigInt(size)],
    });
    return deposit;
  }

  it('re-quotes for a new file, and keeps the deposit paid once the upload is registered', async () => {
    const user = await open();
    await pick(user, fileOf('first.bin', 300_000, 1));
    await waitFor(async () =>
      expect(screen.getByTestId('deposit-quote').getAttribute('data-exact')).toBe(String(await contractQuote(300_000))),
    );

    await pick(user, fileOf('second.bin', 700_000, 2));
    const due = await contractQuote(700_000);
    await waitFor(() => expect(screen.getByTestId('deposit-quote').getAttribute('data-exact')).toBe(String(due)));
    expect(due).not.toBe(await contractQuote(300_000));

    await user.click(screen.getByRole('button', { name: 'Pay the deposit and upload' }));
    const result = await screen.findByTestId('upload-result', undefined, { timeout: 30_000 });
    expect(result.textContent).toContain(`Uploaded to ${endpointHost(nodeA.url)}`);
    // The upload now counts as pending, so the same file would cost more: the box must still say what was paid.
    expect(await contractQuote(700_000)).toBeGreaterThan(due);
    await sleep(1_500); // the transaction's refreshed reads arrive
    expect(screen.getByTestId('deposit-quote').getAttribute('data-exact')).toBe(String(due));
    expect(screen.getByTestId('deposit-quote').textContent).toMatch(new RegExp(`^${formatCloReadable(due)}`));
    expect(screen.getByText('Deposit paid (refunded whole when you withdraw)')).toBeTruthy();
  });

  it('says next to the path field why the button is disabled when the path is empty', async () => {
    const user = await open();
    await pick(user, fileOf('report.pdf', 1_000, 3));
    const path = screen.getByTestId('upload-path');
    await user.clear(path);
    expect(screen.getByTestId('upload-path-error').textContent).toBe(
      'Enter a path, for example reports/2025/audit.pdf',
    );
    expect(path.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('button', { name: 'Pay the deposit and upload' }).hasAttribute('disabled')).toBe(true);
    await user.type(path, 'reports/report.pdf');
    expect(screen.queryByTestId('upload-path-error')).toBeNull();
  });

  it('sends to the next node when the first one went down after it was seen online', async () => {
    nodeB = await startAt(NODE_B);
    await electNode(fs, nodeB, NODE_B);
    const user = await open();
    await pick(user, fileOf('failover.bin', 200_000, 3));
    // The health checks run once something is picked; both nodes answer, then the first one stops.
    await sleep(1_500);
    await nodeA.node.stop();

    await user.click(screen.getByRole('button', { name: 'Pay the deposit and upload' }));
    const result = await screen.findByTestId('upload-result', undefined, { timeout: 30_000 });
    expect(result.textContent).toContain(`Uploaded to ${endpointHost(nodeB.url)}`);
    const notes = within(screen.getByTestId('upload-node-notes')).getAllByRole('listitem');
    expect(notes.map((n) => n.textContent)).toEqual([
      expect.stringMatching(
        new RegExp(`^${endpointHost(nodeA.url)} failed: .+ Trying ${endpointHost(nodeB.url)} instead\\.$`),
      ),
    ]);
  });

  it('says which nodes failed when none took the file, and sends it again once a node is back', async () => {
    const b = nodeB!;
    const port = Number(new URL(b.url).port);
    const user = await open();
    await pick(user, fileOf('retry.bin', 100_000, 4));
    await sleep(1_500);
    await b.node.stop();

    await user.click(screen.getByRole('button', { name: 'Pay the deposit and upload' }));
    const failed = await screen.findByTestId('upload-failed', undefined, { timeout: 30_000 });
    expect(failed.textContent).toContain('No host node took the upload.');
    expect(failed.textContent).toContain('The file is registered and its deposit is held');
    const hosts = within(screen.getByTestId('upload-node-notes'))
      .getAllByRole('listitem')
      .map((n) => n.textContent);
    expect(hosts).toHaveLength(2);
    expect(hosts.join(' ')).toContain(`${endpointHost(b.url)} failed:`);
    expect(hosts.join(' ')).toContain(`${endpointHost(nodeA.url)} failed:`);

    nodeB = await startAt(NODE_B, port);
    await user.click(screen.getByRole('button', { name: 'Send the file again' }));
    const result = await screen.findByTestId('upload-result', undefined, { timeout: 30_000 });
    expect(result.textContent).toContain(`Uploaded to ${endpointHost(b.url)}`);
    // Sending again pays nothing again: one file registered, one deposit.
    expect(screen.getAllByText(/^file #\d+$/)).toHaveLength(1);
  });
});
