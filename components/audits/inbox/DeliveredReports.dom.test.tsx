// A manager reads a delivered report as on the request page: inside the app's real providers, connected with the
// local dev account, whose wallet signs the key message; the envelopes are real ones sealed here. The host nodes are
// stood in for by `fetchEnvelope` serving those bytes (verified downloads are tested with real nodes elsewhere).
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import type { Address } from 'viem';
import { computeCid } from '@callisto-hub/unixfs';
import { linkCommitment } from '@/lib/audits/commitments';
import { reportLinkOf } from '@/lib/audits/envelope/links';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type TestChain } from '@/contracts/test/harness';
import { anvilPrivateKeys, LOCAL_DEV_ACCOUNT_INDEX } from '@/lib/chain/anvilAccounts';
import { encryptionKeyMessage } from '@/lib/audits/envelope/keyMessage';
import { deriveEncryptionKeyPair } from '@/lib/audits/envelope/keys';
import { sealReport, type EnvelopeRecipient } from '@/lib/audits/envelope/seal';
import { renderConnected, startAppChain, stopAppChain } from '@/components/testing/appOnChain';
import { DeliveredReports } from './DeliveredReports';
import { forgetKeyPairs, rememberedKeyPair } from './keyPairMemory';
import { AppProviders } from '@/components/ui/AppProviders';
import type { EnvelopeReport } from './deliveredReports';
import type { FetchEnvelope } from './useDeliveredReport';

const REGISTRY: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const manager = privateKeyToAccount(anvilPrivateKeys[LOCAL_DEV_ACCOUNT_INDEX]!);
const otherManager = privateKeyToAccount(anvilPrivateKeys[(LOCAL_DEV_ACCOUNT_INDEX + 1) % 10]!);
const auditor = privateKeyToAccount(anvilPrivateKeys[(LOCAL_DEV_ACCOUNT_INDEX + 2) % 10]!);
const REPORT =
  '# Audit of Vault.sol\n\n**High**: the withdraw function can be re-entered.\n\n<script>alert(1)</script>\n';

describe('DeliveredReports', () => {
  let chain: TestChain;
  let chainId: number;

  async function recipient(account: typeof manager): Promise<EnvelopeRecipient> {
    const signature = await account.signMessage({ message: encryptionKeyMessage({ chainId, registry: REGISTRY }) });
    return { account: account.address, publicKey: (await deriveEncryptionKeyPair(signature)).publicKey };
  }

  async function envelopeFor(recipients: EnvelopeRecipient[], requestId = 7n): Promise<Uint8Array> {
    return sealReport({
      plaintext: new TextEncoder().encode(REPORT),
      recipients,
      context: { chainId, registry: REGISTRY, requestId, auditor: auditor.address },
    });
  }

  function serving(bytes: Uint8Array): FetchEnvelope {
    return async (_cid, { onProgress }) => {
      onProgress({ received: bytes.length, total: bytes.length, blocks: 1 });
      return bytes;
    };
  }

  let reportLink: string;
  let report: EnvelopeReport;

  beforeAll(async () => {
    chain = await startAppChain();
    chainId = await chain.publicClient.getChainId();
    // The link the auditor commits to: ipfs:// and the CID `ipfs add --cid-version 1` gives the report's bytes.
    async function* bytes() {
      yield new TextEncoder().encode(REPORT);
    }
    reportLink = reportLinkOf((await computeCid([{ path: 'report.md', content: bytes }])).cid);
    report = {
      auditor: auditor.address,
      commitment: linkCommitment(reportLink),
      envelope_cid: 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy',
      signed: false,
      revealed: false,
    };
  });
  afterEach(() => {
    cleanup();
    forgetKeyPairs();
  });
  afterAll(() => stopAppChain(chain));

  async function readWith(fetchEnvelope: FetchEnvelope, delivered: EnvelopeReport = report) {
    const user = await renderConnected(
      <DeliveredReports registry={REGISTRY} requestId={7n} reports={[delivered]} fetchEnvelope={fetchEnvelope} />,
    );
    const item = screen.getByTestId('delivered-report');
    await user.click(within(item).getByRole('button', { name: 'Decrypt and read' }));
    return item;
  }

  it('a visitor with no wallet sees only that reports were delivered', async () => {
    // No wallet: forget the connection the earlier tests made (the network settings stay).
    for (const key of Object.keys(window.localStorage))
      if (key.startsWith('wagmi')) window.localStorage.removeItem(key);
    render(
      <AppProviders>
        <DeliveredReports
          registry={REGISTRY}
          requestId={7n}
          reports={[report, { ...report, auditor: manager.address }]}
        />
      </AppProviders>,
    );
    expect((await screen.findByTestId('delivered-count')).textContent).toContain(
      '2 reports were delivered encrypted to the managers. Each is sealed for the managers in office when it was delivered',
    );
    expect(screen.queryByRole('button', { name: 'Decrypt and read' })).toBeNull();
    expect(screen.queryByTestId('delivered-report')).toBeNull();
  });

  it('a manager signs once, decrypts and reads the report as sanitized Markdown', async () => {
    const envelope = await envelopeFor([await recipient(manager), await recipient(otherManager)]);
    const item = await readWith(serving(envelope));
    const text = await within(item).findByTestId('report-text', {}, { timeout: 20_000 });
    await waitFor(() => expect(text.textContent).toContain('the withdraw function can be re-entered'));
    expect(text.querySelector('script')).toBeNull();
    expect(within(item).getByRole('link', { name: 'Save the decrypted report' })).toBeTruthy();
    expect((await within(item).findByTestId('commitment-match')).textContent).toContain(reportLink);
  });

  it('sends nothing to a host node while the reveal cannot follow, and says why', async () => {
    const envelope = await envelopeFor([await recipient(manager)]);
    const user = await renderConnected(
      <DeliveredReports
        registry={REGISTRY}
        requestId={7n}
        reports={[{ ...report, signed: true }]}
        fetchEnvelope={serving(envelope)}
        revealState={{ allowed: false, reason: 'Audits: request is not in progress or completed' }}
        revealAction={() => <p>reveal button</p>}
      />,
    );
    const item = screen.getByTestId('delivered-report');
    await user.click(within(item).getByRole('button', { name: 'Decrypt and read' }));
    const blocked = await within(item).findByTestId('archive-send-blocked', {}, { timeout: 20_000 });
    expect(blocked.textContent).toContain('Audits: request is not in progress or completed');
    expect(within(item).queryByRole('button', { name: /Send the report to the host nodes/ })).toBeNull();
  });

  it('a report that is not the committed one is read, with a warning that it can never be revealed', async () => {
    const envelope = await envelopeFor([await recipient(manager)]);
    const item = await readWith(serving(envelope), { ...report, commitment: linkCommitment('ipfs://another') });
    const warning = await within(item).findByTestId('commitment-mismatch', {}, { timeout: 20_000 });
    expect(warning.textContent).toMatch(/not the one the auditor committed to/);
  });

  it('an account the report was not sealed for is told so, before any signature, and sees nothing of it', async () => {
    const envelope = await envelopeFor([await recipient(otherManager)]);
    const item = await readWith(serving(envelope));
    const told = await within(item).findByTestId('not-a-recipient', {}, { timeout: 20_000 });
    expect(told.textContent).toContain('sealed for the managers in office when it was delivered');
    expect(told.textContent).toContain(manager.address);
    expect(told.textContent).toMatch(/names 1 account\b/);
    // Nothing was asked of the wallet: the envelope's own list of recipients answered first.
    expect(screen.queryByText(/Confirm the signature in your wallet/)).toBeNull();
    expect(rememberedKeyPair({ chainId, registry: REGISTRY, account: manager.address })).toBeUndefined();
    expect(within(item).queryByTestId('opened-report')).toBeNull();
    expect(within(item).queryByTestId('envelope-error')).toBeNull();
  });

  it('an envelope of another request is refused with the reason', async () => {
    const envelope = await envelopeFor([await recipient(manager)], 8n);
    const item = await readWith(serving(envelope));
    const error = await within(item).findByTestId('envelope-error', {}, { timeout: 20_000 });
    expect(error.textContent).toMatch(/sealed for request #8/);
    expect(error.textContent).toMatch(/belongs to another request/);
  });

  it('an envelope changed after sealing is refused as altered', async () => {
    const envelope = await envelopeFor([await recipient(manager)]);
    envelope[envelope.length - 40]! ^= 0x01;
    const item = await readWith(serving(envelope));
    const error = await within(item).findByTestId('envelope-error', {}, { timeout: 20_000 });
    expect(error.textContent).toMatch(/changed after it was sealed/);
  });

  it('a host node that cannot serve the envelope is reported as such', async () => {
    const item = await readWith(async () => {
      throw new Error('No node sent a copy that verifies.');
    });
    const error = await within(item).findByTestId('envelope-error', {}, { timeout: 20_000 });
    expect(error.textContent).toMatch(/could not be read from the host nodes: No node sent a copy that verifies/);
  });
});
