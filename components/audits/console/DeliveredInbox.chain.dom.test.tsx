// The manager console's list of delivered reports, read from a real registry on a real anvil inside the app's
// providers: which reports wait for a manager, per request and auditor, with links to where they are read. The same
// registry then shows the other side: an account it names as no manager is offered nothing to decrypt.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { keccak256, toHex, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRegistryAbi, auditRegistryBytecode } from '@/contracts-abi/AuditRegistry';
import type { TestChain } from '@/contracts/test/harness';
import { AppProviders } from '@/components/ui/AppProviders';
import { renderConnected, startAppChain, stopAppChain } from '@/components/testing/appOnChain';
import { DeliveredReports } from '@/components/audits/inbox/DeliveredReports';
import { DeliveredInbox } from './DeliveredInbox';

const DAY = 86_400n;
const [OWNER, MANAGER, MANAGER2, AUDITOR, AUDITOR2, REQUESTER] = [0, 1, 2, 3, 4, 5];
const ENVELOPE = 'bafkreidgvpkjawlxz6sffxzwgooowe5yt7i6wsyg236mfoks77nywkptdq';
const ENVELOPE2 = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy';
const WAIT = { timeout: 30_000 };

describe('the manager console’s delivered reports', () => {
  let chain: TestChain;
  let registry: Address;
  const account = (i: number): Address => chain.accounts[i]!.address;
  type Write = Parameters<TestChain['write']>[1];
  async function call(from: number, functionName: string, args: readonly unknown[]) {
    const receipt = await chain.write(from, {
      address: registry,
      abi: auditRegistryAbi,
      functionName,
      args,
    } as unknown as Write);
    expect(receipt.status, functionName).toBe('success');
  }
  async function request(description: string): Promise<bigint> {
    const id = await chain.publicClient.readContract({
      address: registry,
      abi: auditRegistryAbi,
      functionName: 'request_count',
    });
    await call(REQUESTER, 'submit_request', [
      account(REQUESTER),
      820n,
      'https://example.org/a.sol',
      description,
      'Sol',
    ]);
    await call(MANAGER, 'approve', [id]);
    return id;
  }
  const commitment = (text: string) => keccak256(toHex(text));

  beforeAll(async () => {
    chain = await startAppChain();
    registry = await chain.deploy(auditRegistryAbi, auditRegistryBytecode, [
      account(OWNER),
      90n * DAY,
      27n * DAY,
      10n,
      5n,
    ]);
    await call(OWNER, 'appoint_manager', [account(MANAGER), 'm1@example.org']);
    await call(OWNER, 'appoint_manager', [account(MANAGER2), 'm2@example.org']);
    for (const auditor of [AUDITOR, AUDITOR2]) {
      await call(MANAGER, 'nominate_auditor', [account(auditor), `auditor${auditor}@example.org`]);
      await call(MANAGER2, 'confirm_auditor', [account(auditor)]);
    }
  }, 120_000);

  afterAll(async () => {
    cleanup();
    await stopAppChain(chain);
  }, 30_000);

  it('says when nothing waits, then lists each delivered, unrevealed report with a link to its request', async () => {
    render(
      <AppProviders>
        <DeliveredInbox registry={registry} />
      </AppProviders>,
    );
    await screen.findByTestId('delivered-inbox-empty', {}, WAIT);

    // Request 0: two auditors delivered encrypted; one report is signed.
    const vault = await request('Vault audit');
    await call(AUDITOR, 'submit_report', [vault, commitment('ipfs://a'), ENVELOPE]);
    await call(AUDITOR2, 'submit_report', [vault, commitment('ipfs://b'), ENVELOPE2]);
    await call(MANAGER, 'start', [vault]);
    await call(MANAGER, 'sign_report', [vault, account(AUDITOR2), 0n]);
    // Request 1: a private link, no envelope: nothing to list.
    const gist = await request('Gist audit');
    await call(AUDITOR, 'submit_report', [gist, commitment('https://gist.github.com/a/b'), '']);
    // Request 2: delivered encrypted, then the request was rejected: its reports are never revealed.
    const refused = await request('Refused audit');
    await call(AUDITOR, 'submit_report', [refused, commitment('ipfs://c'), ENVELOPE]);
    await call(MANAGER, 'reject', [refused, 'Out of scope']);

    await waitFor(() => expect(screen.getAllByTestId('delivered-inbox-item')).toHaveLength(2), WAIT);
    const items = screen.getAllByTestId('delivered-inbox-item');
    for (const item of items) {
      expect(within(item).getByRole('link', { name: 'Request #0' }).getAttribute('href')).toBe('/audits/request/?id=0');
      expect(item.textContent).toContain('Vault audit');
    }
    const states = items.map((item) => [
      item.textContent?.includes(`auditor${AUDITOR2}@example.org`),
      within(item).getByTestId('delivered-inbox-state').textContent,
    ]);
    expect(states).toEqual(
      expect.arrayContaining([
        [true, 'signed, not revealed'],
        [false, 'not signed yet'],
      ]),
    );
    expect(screen.queryByText('Gist audit')).toBeNull();
    expect(screen.queryByText('Refused audit')).toBeNull();
  }, 120_000);

  it('an account the registry says is no manager is told the reports are sealed for the managers, with nothing to decrypt', async () => {
    cleanup();
    // The local dev account holds no role in this registry.
    await renderConnected(
      <DeliveredReports
        registry={registry}
        requestId={0n}
        reports={[
          {
            auditor: account(AUDITOR),
            commitment: commitment('ipfs://a'),
            envelope_cid: ENVELOPE,
            signed: false,
            revealed: false,
          },
        ]}
      />,
    );
    const told = await screen.findByTestId('not-a-recipient', {}, WAIT);
    expect(told.textContent).toContain('sealed for the managers in office when it was delivered');
    expect(screen.queryByRole('button', { name: 'Decrypt and read' })).toBeNull();
  }, 60_000);
});
