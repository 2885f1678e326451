// The manager's archive reveal on the request page, end to end with real parts: a real anvil running the registry,
// the archive and the file system, a real host node (a child process with Helia on disk, on a free 127.0.0.1 port),
// the app's own providers with the local dev account as the manager. The manager decrypts the delivered report,
// sends it to the host node, then reveals; what the manager depends on is then checked on chain and on the node:
// the registry shows the link, the archive holds the file, and the node serves bytes whose CID is the committed
// link's. Every wait has a timeout and every server is stopped in afterAll, so a stuck step fails the test.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { concat, encodeDeployData, getAddress, keccak256, pad, toHex, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCid } from '@callisto-hub/unixfs';
import { auditArchiveAbi, auditArchiveBytecode } from '@/contracts-abi/AuditArchive';
import { auditRegistryAbi, auditRegistryBytecode } from '@/contracts-abi/AuditRegistry';
import { callistoFSAbi, callistoFSBytecode } from '@/contracts-abi/CallistoFS';
import type { TestChain } from '@/contracts/test/harness';
import { CREATE2_FACTORY, fileSystemParams } from '@/scripts/lib/deploy';
import { localHostNodes, startLocalHostNode } from '@/scripts/lib/hostNodes';
import type { ManagedChild } from '@/scripts/lib/processes';
import { anvilPrivateKeys, LOCAL_DEV_ACCOUNT_INDEX } from '@/lib/chain/anvilAccounts';
import { MULTICALL3_ADDRESS } from '@/lib/chain/chains';
import { contractAddress } from '@/lib/chain/deployments';
import { encryptionKeyMessage } from '@/lib/audits/envelope/keyMessage';
import { deriveEncryptionKeyPair } from '@/lib/audits/envelope/keys';
import { reportLinkOf } from '@/lib/audits/envelope/links';
import { sealReport } from '@/lib/audits/envelope/seal';
import { uploadToHostNodes } from '@/lib/files/hostNodeClient';
import { downloadVerifiedFromNodes } from '@/lib/files/verifiedDownload';
import { renderConnected, startAppChain, stopAppChain } from '@/components/testing/appOnChain';
import { RequestView } from '@/components/audits/request/RequestDetail';
import { forgetKeyPairs } from './keyPairMemory';

const DAY = 86_400n;
const OWNER = 0;
const AUDITOR = 3;
/** Its report is revealed behind the app's back, with no node holding it: the interrupted case. */
const LATE_AUDITOR = 6;
/** Commits an ipfs:// link with no envelope: the manager reveals it with the "Reveal a report" form and its file. */
const LINK_AUDITOR = 7;
const SECOND_MANAGER = 4;
const REQUESTER = 5;
const MANAGER = LOCAL_DEV_ACCOUNT_INDEX;
/** Every wait of this test ends: a step that does not finish in this time fails it. */
const STEP_MS = 60_000;
const REPORT = '# Audit of Multicall3\n\nNo finding: the aggregate functions hold no funds.\n';
const LATE_REPORT = '# Second opinion on Multicall3\n\nAgreed: no finding.\n';
const FORM_REPORT = '# Third opinion on Multicall3\n\nNothing to add.\n';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

describe('the archive reveal of a delivered report, on a real chain and a real host node', () => {
  let chain: TestChain;
  let registry: Address;
  let archive: Address;
  let fileSystem: Address;
  let node: ManagedChild | undefined;
  let dataRoot: string | undefined;
  let endpoint: string;
  let link: string;
  let cid: string;
  let lateLink: string;
  let formLink: string;
  const requestId = 0n;
  const account = (i: number): Address => chain.accounts[i]!.address;
  // Loosely typed on purpose: the setup drives the contracts' whole flow by name, as the contract tests do.
  type Write = Parameters<TestChain['write']>[1];
  async function call(from: number, to: Address, abi: unknown, functionName: string, args: readonly unknown[]) {
    const receipt = await chain.write(from, { address: to, abi, functionName, args } as unknown as Write);
    expect(receipt.status, functionName).toBe('success');
  }
  const reg = (from: number, name: string, args: readonly unknown[]) =>
    call(from, registry, auditRegistryAbi, name, args);

  beforeAll(async () => {
    chain = await startAppChain();
    const chainId = await chain.publicClient.getChainId();
    // The file system where the app looks for it: the deploy script's CREATE2 address, which depends only on the
    // bytecode and these arguments (the deployer is anvil's first account).
    const initCode = encodeDeployData({
      abi: callistoFSAbi,
      bytecode: callistoFSBytecode,
      args: [account(OWNER), fileSystemParams.unitPrice, fileSystemParams.floorPrice],
    });
    const hash = await chain.wallet(OWNER).sendTransaction({
      to: CREATE2_FACTORY,
      data: concat([pad('0x00', { size: 32 }), initCode]),
      gas: 8_000_000n,
    });
    await chain.publicClient.waitForTransactionReceipt({ hash, timeout: STEP_MS });
    fileSystem = contractAddress(chainId, 'CallistoFS')!;
    expect(
      await chain.publicClient.getCode({ address: fileSystem }),
      'CallistoFS is not at the address contracts-abi/deployments/31337.json records: run `npm run deploy` on a fresh anvil to refresh it',
    ).toBeDefined();

    registry = await chain.deploy(auditRegistryAbi, auditRegistryBytecode, [
      account(OWNER),
      90n * DAY,
      27n * DAY,
      10n,
      5n,
    ]);
    archive = await chain.deploy(auditArchiveAbi, auditArchiveBytecode, [registry, fileSystem]);
    await reg(OWNER, 'set_archive', [archive]);
    await reg(OWNER, 'appoint_manager', [account(MANAGER), 'manager@example.org']);
    await reg(OWNER, 'appoint_manager', [account(SECOND_MANAGER), 'second@example.org']);
    await reg(MANAGER, 'nominate_auditor', [account(AUDITOR), 'auditor@example.org']);
    await reg(SECOND_MANAGER, 'confirm_auditor', [account(AUDITOR)]);
    await reg(MANAGER, 'nominate_auditor', [account(LATE_AUDITOR), 'late@example.org']);
    await reg(SECOND_MANAGER, 'confirm_auditor', [account(LATE_AUDITOR)]);
    await reg(MANAGER, 'nominate_auditor', [account(LINK_AUDITOR), 'link@example.org']);
    await reg(SECOND_MANAGER, 'confirm_auditor', [account(LINK_AUDITOR)]);

    // The host node: a child process, as operators run it, allowed to answer this page's origin.
    dataRoot = await mkdtemp(join(tmpdir(), 'callisto-archive-reveal-'));
    const [hostNode] = localHostNodes([await freePort()], dataRoot);
    endpoint = hostNode!.endpoint;
    await chain.setBalance(hostNode!.address, 10n ** 20n);
    await call(OWNER, fileSystem, callistoFSAbi, 'add_host_node', [hostNode!.address, endpoint, 1024n]);
    node = await startLocalHostNode(hostNode!, {
      rpcUrl: chain.rpcUrl,
      fileSystem,
      appOrigins: [window.location.origin],
      graceSeconds: 600,
      pollMs: 100,
    });

    // Each auditor's report, its link and commitment, and its envelope sealed for the manager.
    const manager = privateKeyToAccount(anvilPrivateKeys[MANAGER]!);
    const signature = await manager.signMessage({ message: encryptionKeyMessage({ chainId, registry }) });
    const { publicKey } = await deriveEncryptionKeyPair(signature);
    async function deliver(auditor: number, text: string) {
      const bytes = new TextEncoder().encode(text);
      const reportCid = (
        await computeCid([
          {
            path: 'report.md',
            content: async function* () {
              yield bytes;
            },
          },
        ])
      ).cid;
      const envelope = await sealReport({
        plaintext: bytes,
        recipients: [{ account: manager.address, publicKey }],
        context: { chainId, registry, requestId, auditor: account(auditor) },
      });
      // Delivered as the auditor's page does: the envelope sent to the node, then registered with its deposit.
      const sent = await uploadToHostNodes(
        [endpoint],
        [{ path: 'envelope', file: new Blob([new Uint8Array(envelope)]) }],
      );
      const [, deposit] = await chain.publicClient.readContract({
        address: fileSystem,
        abi: callistoFSAbi,
        functionName: 'quote',
        args: [BigInt(envelope.length)],
      });
      const receipt = await chain.write(auditor, {
        address: fileSystem,
        abi: callistoFSAbi,
        functionName: 'upload',
        args: [sent.root.cid, BigInt(envelope.length), `audits/envelope-${auditor}`],
        value: deposit,
      });
      expect(receipt.status).toBe('success');
      return { cid: reportCid, link: reportLinkOf(reportCid), envelopeCid: sent.root.cid };
    }
    const first = await deliver(AUDITOR, REPORT);
    cid = first.cid;
    link = first.link;
    const late = await deliver(LATE_AUDITOR, LATE_REPORT);
    lateLink = late.link;
    formLink = reportLinkOf(
      (
        await computeCid([
          {
            path: 'report.md',
            content: async function* () {
              yield new TextEncoder().encode(FORM_REPORT);
            },
          },
        ])
      ).cid,
    );

    // A request for a contract with code on this chain (so the reveal needs no code size), in progress, with the
    // auditor's report committed and signed.
    await reg(REQUESTER, 'submit_request', [
      MULTICALL3_ADDRESS,
      BigInt(chainId),
      'https://example.org/m.sol',
      'Multicall3',
      'Solidity',
    ]);
    await reg(MANAGER, 'approve', [requestId]);
    await reg(AUDITOR, 'submit_report', [requestId, keccak256(toHex(link)), first.envelopeCid]);
    await reg(LATE_AUDITOR, 'submit_report', [requestId, keccak256(toHex(late.link)), late.envelopeCid]);
    await reg(LINK_AUDITOR, 'submit_report', [requestId, keccak256(toHex(formLink)), '']);
    await reg(MANAGER, 'start', [requestId]);
    await reg(SECOND_MANAGER, 'sign_report', [requestId, account(AUDITOR), 0n]);
    await reg(SECOND_MANAGER, 'sign_report', [requestId, account(LATE_AUDITOR), 0n]);
    await reg(SECOND_MANAGER, 'sign_report', [requestId, account(LINK_AUDITOR), 0n]);
    // The late report is revealed straight on chain, its deposit paid, while no node holds its bytes.
    const lateSize = BigInt(new TextEncoder().encode(LATE_REPORT).length);
    const [, lateDeposit] = await chain.publicClient.readContract({
      address: fileSystem,
      abi: callistoFSAbi,
      functionName: 'quote',
      args: [lateSize],
    });
    const revealed = await chain.write(SECOND_MANAGER, {
      address: registry,
      abi: auditRegistryAbi,
      functionName: 'reveal_report',
      args: [requestId, account(LATE_AUDITOR), late.link, 0n, lateSize],
      value: lateDeposit,
    });
    expect(revealed.status).toBe('success');
  }, 240_000);

  afterAll(async () => {
    // Unmounted first, so the page's polls stop before the servers they poll.
    cleanup();
    forgetKeyPairs();
    await node?.stop();
    await stopAppChain(chain);
    if (dataRoot) await rm(dataRoot, { recursive: true, force: true });
  }, 60_000);

  /** The delivered report of `auditor` on the rendered page. */
  async function itemOf(auditor: number): Promise<HTMLElement> {
    return waitFor(
      () => {
        const found = screen.getAllByTestId('delivered-report').find((i) => i.textContent?.includes(account(auditor)));
        if (!found) throw new Error(`no delivered report of auditor ${auditor} yet`);
        return found;
      },
      { timeout: STEP_MS },
    );
  }

  it('sends the plaintext to the node first, then reveals: the registry shows the link, the archive holds the file, and the node serves the committed CID', async () => {
    const user = await renderConnected(<RequestView registry={registry} id={requestId} raw="0" />);
    const item = await itemOf(AUDITOR);
    await user.click(within(item).getByRole('button', { name: 'Decrypt and read' }));
    await within(item).findByTestId('opened-report', {}, { timeout: STEP_MS });
    const terms = await within(item).findByTestId('archive-terms', {}, { timeout: STEP_MS });
    expect(terms.textContent).toContain(link);

    // The reveal refuses until a node holds the bytes: nothing is paid for a file no node has.
    await user.click(within(item).getByRole('button', { name: 'Reveal and store the report' }));
    expect((await within(item).findByRole('alert', {}, { timeout: STEP_MS })).textContent).toContain(
      'Send the report to the host nodes first',
    );
    const [storedBefore] = await chain.publicClient.readContract({
      address: archive,
      abi: auditArchiveAbi,
      functionName: 'archive_file_of',
      args: [requestId, account(AUDITOR)],
    });
    expect(storedBefore).toBe(false);

    await user.click(within(item).getByRole('button', { name: 'Send the report to the host nodes' }));
    await within(item).findByTestId('archive-sent', {}, { timeout: STEP_MS });
    await user.click(within(item).getByRole('button', { name: 'Reveal and store the report' }));
    await within(item).findByText(
      /Revealed the report: the host nodes now confirm its archive copy/,
      {},
      { timeout: STEP_MS },
    );

    // The registry lists the link, and the request page shows it among the revealed reports.
    const [report] = await chain.publicClient.readContract({
      address: registry,
      abi: auditRegistryAbi,
      functionName: 'get_reports',
      args: [requestId],
    });
    expect(report!.revealed).toBe(true);
    expect(report!.link).toBe(link);
    const revealed = await waitFor(
      () => {
        const found = screen.getAllByTestId('revealed-report').find((r) => r.textContent?.includes(link));
        if (!found) throw new Error('the revealed report is not listed yet');
        return found;
      },
      { timeout: STEP_MS },
    );
    expect(within(revealed).getByTestId('report-link').textContent).toBe(link);
    // Before a verified read, the archive copy is not linked at all.
    expect(within(revealed).queryAllByRole('link')).toHaveLength(0);

    // The archive holds the file, registered under the committed CID, owned by the archive (no person).
    const [stored, fileId] = await chain.publicClient.readContract({
      address: archive,
      abi: auditArchiveAbi,
      functionName: 'archive_file_of',
      args: [requestId, account(AUDITOR)],
    });
    expect(stored).toBe(true);
    const file = await chain.publicClient.readContract({
      address: fileSystem,
      abi: callistoFSAbi,
      functionName: 'file',
      args: [fileId],
    });
    expect(file.cid).toBe(cid);
    expect(getAddress(file.owner)).toBe(getAddress(archive));
    expect(file.size).toBe(BigInt(new TextEncoder().encode(REPORT).length));

    // The node confirms it on chain (it had the bytes before the reveal), and the page follows.
    await waitFor(
      async () => {
        const entry = await chain.publicClient.readContract({
          address: fileSystem,
          abi: callistoFSAbi,
          functionName: 'file',
          args: [fileId],
        });
        expect(entry.confirmations).toBeGreaterThan(0);
      },
      { timeout: STEP_MS, interval: 250 },
    );
    await within(item).findByTestId('archive-confirmed', {}, { timeout: STEP_MS });

    // A reader opens it: verified against the CID, and only then linked on the node that served it.
    await user.click(within(revealed).getByRole('button', { name: 'Read the report' }));
    expect((await within(revealed).findByTestId('report-verified', {}, { timeout: STEP_MS })).textContent).toContain(
      cid,
    );
    const copyLink = within(revealed).getByRole('link', { name: /open it on that node’s gateway/ });
    expect(copyLink.getAttribute('href')).toContain(cid);
    await waitFor(
      () => expect(within(revealed).getByTestId('archive-copy-state').getAttribute('data-state')).toBe('confirmed'),
      { timeout: STEP_MS },
    );
    expect((await within(revealed).findByTestId('commitment-result', {}, { timeout: STEP_MS })).textContent).toBe(
      'the link hashes to the commitment',
    );

    // The node serves the report, every block verified against the committed link's CID.
    const download = await downloadVerifiedFromNodes([endpoint], cid, { name: cid });
    const served = download.content.files[0]!;
    expect(new TextDecoder().decode(new Uint8Array(await served.blob.arrayBuffer()))).toBe(REPORT);
  }, 300_000);

  it('a revealed report no node confirmed is offered a send again, and the node then confirms it', async () => {
    const user = await renderConnected(<RequestView registry={registry} id={requestId} raw="0" />);
    // A reader is told why the report cannot be shown: no node has it (and nothing unverified is linked).
    const listed = await waitFor(
      () => {
        const found = screen.getAllByTestId('revealed-report').find((r) => r.textContent?.includes(lateLink));
        if (!found) throw new Error('the late report is not listed yet');
        return found;
      },
      { timeout: STEP_MS },
    );
    await user.click(within(listed).getByRole('button', { name: 'Read the report' }));
    const problem = await within(listed).findByTestId('report-problem', {}, { timeout: STEP_MS });
    expect(problem.getAttribute('data-problem')).toBe('no-node');
    expect(within(listed).queryByTestId('report-verified')).toBeNull();
    expect(within(listed).queryAllByRole('link')).toHaveLength(0);

    const item = await itemOf(LATE_AUDITOR);
    await user.click(within(item).getByRole('button', { name: 'Decrypt and read' }));
    await within(item).findByTestId('archive-waiting', {}, { timeout: STEP_MS });
    await user.click(within(item).getByRole('button', { name: 'Send the report to the host nodes again' }));
    await within(item).findByTestId('archive-sent', {}, { timeout: STEP_MS });
    await within(item).findByTestId('archive-confirmed', {}, { timeout: STEP_MS });
    const download = await downloadVerifiedFromNodes([endpoint], lateLink.slice('ipfs://'.length), { name: 'late' });
    const served = download.content.files[0]!;
    expect(new TextDecoder().decode(new Uint8Array(await served.blob.arrayBuffer()))).toBe(LATE_REPORT);
  }, 300_000);

  it('the reveal form follows the same order: the picked file goes to the node first, then the reveal', async () => {
    const user = await renderConnected(<RequestView registry={registry} id={requestId} raw="0" />);
    const form = await screen.findByTestId('action-reveal', {}, { timeout: STEP_MS });
    await waitFor(() => expect(within(form).getByRole('option', { name: /link@example\.org/ })).toBeTruthy(), {
      timeout: STEP_MS,
    });
    await user.selectOptions(within(form).getByLabelText('Report to reveal'), account(LINK_AUDITOR));
    await user.type(within(form).getByLabelText('Report link'), formLink);
    await user.upload(
      within(form).getByLabelText('Report file'),
      new File([FORM_REPORT], 'report.md', { type: 'text/markdown' }),
    );
    await within(form).findByTestId('archive-terms', {}, { timeout: STEP_MS });
    // Nothing is sent to the chain before a node holds the file.
    await user.click(within(form).getByRole('button', { name: 'Reveal report' }));
    expect((await within(form).findByRole('alert', {}, { timeout: STEP_MS })).textContent).toContain(
      'Send the report to the host nodes first',
    );
    await user.click(within(form).getByRole('button', { name: 'Send the report to the host nodes' }));
    await within(form).findByTestId('archive-sent', {}, { timeout: STEP_MS });
    await user.click(within(form).getByRole('button', { name: 'Reveal report' }));
    await within(form).findByText(/Revealed the report of/, {}, { timeout: STEP_MS });
    const [stored, fileId] = await chain.publicClient.readContract({
      address: archive,
      abi: auditArchiveAbi,
      functionName: 'archive_file_of',
      args: [requestId, account(LINK_AUDITOR)],
    });
    expect(stored).toBe(true);
    await waitFor(
      async () => {
        const entry = await chain.publicClient.readContract({
          address: fileSystem,
          abi: callistoFSAbi,
          functionName: 'file',
          args: [fileId],
        });
        expect(entry.cid).toBe(formLink.slice('ipfs://'.length));
        expect(entry.confirmations).toBeGreaterThan(0);
      },
      { timeout: STEP_MS, interval: 250 },
    );
  }, 300_000);
});
