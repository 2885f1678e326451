// The delivery's plan against the libraries it stands on: the report's CID, link and commitment are the ones the
// managers and the registry recompute; the recipients are the managers in office with a key (and the auditor when
// its key is registered), never a dismissed manager; the envelope's size is known before sealing, so its deposit is
// quoted before the first signature; and the path of a sealed envelope is a valid file-system path.
import { computeCid } from '@callisto-hub/unixfs';
import type { Address, Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { linkCommitment } from '@/lib/audits/commitments';
import {
  deriveEncryptionKeyPair,
  encryptionKeyMessage,
  MAX_REPORT_BYTES,
  openReport,
  reportLinkOf,
  sealReport,
} from '@/lib/audits/envelope';
import { validateFilePath } from '@/lib/files/paths';
import {
  deliveryRecipients,
  envelopeFilePath,
  envelopeSizeFor,
  prepareReport,
  reportSizeProblem,
} from './deliveryPlan';

const registry: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const A: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const B: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const C: Address = '0x90F79bf6EB2c4f870365E785982E1f8E7Ec7c8D5';
const AUDITOR: Address = '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65';
const KEY_A: Hex = `0x${'a1'.repeat(32)}`;
const KEY_C: Hex = `0x${'c3'.repeat(32)}`;
const KEY_AUDITOR: Hex = `0x${'d4'.repeat(32)}`;
const ZERO: Hex = `0x${'00'.repeat(32)}`;

describe('prepareReport', () => {
  it('names the report by the CID `ipfs add --cid-version 1` prints, and commits to the hash of its ipfs:// link', async () => {
    const bytes = new TextEncoder().encode('# Audit of Token.sol\n\nNo issue found.\n');
    const report = await prepareReport(bytes);
    const { cid } = await computeCid([
      {
        path: 'any-name.md',
        content: (async function* () {
          yield bytes;
        })(),
      },
    ]);
    expect(report.cid).toBe(cid);
    expect(report.link).toBe(reportLinkOf(cid));
    expect(report.commitment).toBe(linkCommitment(`ipfs://${cid}`));
    expect(report.size).toBe(BigInt(bytes.length));
  });

  it('refuses an empty report and one over the envelope limit, saying the limit', async () => {
    await expect(prepareReport(new Uint8Array())).rejects.toThrow('The report is empty.');
    expect(reportSizeProblem(MAX_REPORT_BYTES)).toBeUndefined();
    expect(reportSizeProblem(MAX_REPORT_BYTES + 1)).toMatch(/at most 32 MB/);
  });
});

describe('deliveryRecipients', () => {
  const managers = [
    { account: A, active_role: true },
    { account: B, active_role: true },
    { account: C, active_role: false }, // dismissed: its key stays on chain, it reads nothing new
  ];

  it('seals for the managers in office with a key, names those without one, and leaves a dismissed one out', () => {
    const r = deliveryRecipients(managers, [KEY_A, ZERO, KEY_C], AUDITOR, ZERO);
    expect(r.recipients).toEqual([{ account: A, publicKey: KEY_A }]);
    expect(r.managersWithKey).toEqual([A]);
    expect(r.managersWithoutKey).toEqual([B]);
    expect(r.auditorIncluded).toBe(false);
  });

  it('adds the auditor’s own key when registered, so it can reopen its delivery', () => {
    const r = deliveryRecipients(managers, [KEY_A, ZERO, KEY_C], AUDITOR, KEY_AUDITOR);
    expect(r.recipients).toEqual([
      { account: A, publicKey: KEY_A },
      { account: AUDITOR, publicKey: KEY_AUDITOR },
    ]);
    expect(r.managersWithKey).toEqual([A]);
    expect(r.auditorIncluded).toBe(true);
  });

  it('has no manager reader when none in office registered a key (the form then refuses to seal)', () => {
    const r = deliveryRecipients(managers, [ZERO, ZERO, KEY_C], AUDITOR, KEY_AUDITOR);
    expect(r.managersWithKey).toEqual([]);
    expect(r.managersWithoutKey).toEqual([A, B]);
  });
});

describe('the sealed envelope', () => {
  it('has exactly the size quoted before sealing, and opens for each recipient only', async () => {
    const people = [
      '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
      '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
      '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
    ] as const;
    const [manager, auditor, outsider] = await Promise.all(
      people.map(async (key) => {
        const account = privateKeyToAccount(key);
        const signature = await account.signMessage({ message: encryptionKeyMessage({ chainId: 31337, registry }) });
        return { account: account.address, keyPair: await deriveEncryptionKeyPair(signature) };
      }),
    );
    const report = await prepareReport(new TextEncoder().encode('# Findings\n\nReentrancy in withdraw().\n'));
    const readers = deliveryRecipients(
      [{ account: manager!.account, active_role: true }],
      [manager!.keyPair.publicKey],
      auditor!.account,
      auditor!.keyPair.publicKey,
    );
    const context = { chainId: 31337, registry, requestId: 4n, auditor: auditor!.account };
    const envelope = await sealReport({ plaintext: report.bytes, recipients: readers.recipients, context });
    expect(BigInt(envelope.length)).toBe(envelopeSizeFor(report.size, readers.recipients.length));

    for (const reader of [manager!, auditor!]) {
      const opened = await openReport({ envelope, account: reader.account, keyPair: reader.keyPair, context });
      expect(new TextDecoder().decode(opened)).toBe('# Findings\n\nReentrancy in withdraw().\n');
    }
    await expect(
      openReport({ envelope, account: outsider!.account, keyPair: outsider!.keyPair, context }),
    ).rejects.toMatchObject({ kind: 'not-a-recipient' });
  });
});

describe('envelopeFilePath', () => {
  it('puts the envelope under audits/<request>/ named by its own CID, a path the file system accepts', () => {
    const cid = 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku';
    const path = envelopeFilePath(12n, cid);
    expect(path).toBe(`audits/12/${cid}.envelope`);
    expect(validateFilePath(path)).toBeUndefined();
  });
});
