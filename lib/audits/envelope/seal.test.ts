// The envelope against the people it must keep out: accounts that are not recipients (a removed manager, another
// auditor), a key that is not the one sealed to, a byte changed anywhere, an envelope moved to another request, and
// the host nodes that store it, which must see nothing of the report.
import { computeCid } from '@callisto-hub/unixfs';
import { getAddress, type Address } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { beforeAll, describe, expect, it } from 'vitest';
import { EnvelopeError, type EnvelopeErrorKind } from './errors';
import { MAX_ENVELOPE_BYTES, MAX_RECIPIENTS, type EnvelopeContext } from './format';
import { encryptionKeyMessage, type EncryptionKeyPair } from './keyMessage';
import { deriveEncryptionKeyPair } from './keys';
import { reportLinkOf } from './links';
import { openReport, sealReport, type EnvelopeRecipient } from './seal';

// anvil's published test keys: public, never for real funds.
const KEYS = [
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
  '0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a',
  '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba',
] as const;
const registry: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const chainId = 31337;

type Person = { account: PrivateKeyAccount; keys: EncryptionKeyPair };
async function person(key: `0x${string}`): Promise<Person> {
  const account = privateKeyToAccount(key);
  const signature = await account.signMessage({ message: encryptionKeyMessage({ chainId, registry }) });
  return { account, keys: await deriveEncryptionKeyPair(signature) };
}
const recipientOf = (p: Person): EnvelopeRecipient => ({ account: p.account.address, publicKey: p.keys.publicKey });

let managers: Person[];
let removedManager: Person;
let auditor: Person;
let otherAuditor: Person;
let context: EnvelopeContext;

beforeAll(async () => {
  const people = await Promise.all(KEYS.map(person));
  managers = people.slice(0, 2);
  removedManager = people[2]!;
  auditor = people[3]!;
  otherAuditor = people[4]!;
  context = { chainId, registry, requestId: 7n, auditor: auditor.account.address };
});

const report = new TextEncoder().encode('# Audit of Token.sol\n\nSeverity high: reentrancy in withdraw().\n');

async function sealed(plaintext = report, ctx = context): Promise<Uint8Array> {
  return sealReport({ plaintext, recipients: managers.map(recipientOf), context: ctx });
}

async function kindOf(promise: Promise<unknown>): Promise<EnvelopeErrorKind | 'opened'> {
  try {
    await promise;
    return 'opened';
  } catch (error) {
    if (error instanceof EnvelopeError) return error.kind;
    throw error;
  }
}

/** Rewrites the trailing SHA-256, as a forger who changed bytes on purpose would. */
async function withChecksum(bytes: Uint8Array): Promise<Uint8Array> {
  const out = bytes.slice();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', out.subarray(0, out.length - 32)));
  out.set(digest, out.length - 32);
  return out;
}

describe('sealReport / openReport', () => {
  it('every current manager opens the report, and gets exactly its bytes', async () => {
    const envelope = await sealed();
    for (const m of managers) {
      const opened = await openReport({ envelope, account: m.account.address, keyPair: m.keys, context });
      expect(opened).toEqual(report);
    }
  });

  it('a removed manager, the auditor and another auditor are not recipients', async () => {
    const envelope = await sealed();
    for (const p of [removedManager, auditor, otherAuditor]) {
      expect(await kindOf(openReport({ envelope, account: p.account.address, keyPair: p.keys, context }))).toBe(
        'not-a-recipient',
      );
    }
  });

  it("someone who claims a manager's account with their own key, or a manager whose key changed, gets 'wrong-key'", async () => {
    const envelope = await sealed();
    const manager = managers[0]!.account.address;
    expect(await kindOf(openReport({ envelope, account: manager, keyPair: otherAuditor.keys, context }))).toBe(
      'wrong-key',
    );
    const newSignature = await managers[0]!.account.signMessage({
      message: encryptionKeyMessage({ chainId, registry: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512' }),
    });
    const changedKey = await deriveEncryptionKeyPair(newSignature);
    expect(await kindOf(openReport({ envelope, account: manager, keyPair: changedKey, context }))).toBe('wrong-key');
  });

  it("an honest envelope opened for another request, auditor, registry or chain gives 'wrong-context'", async () => {
    const envelope = await sealed();
    const m = managers[0]!;
    const others: EnvelopeContext[] = [
      { ...context, requestId: 8n },
      { ...context, auditor: otherAuditor.account.address },
      { ...context, registry: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512' },
      { ...context, chainId: 820 },
    ];
    for (const other of others) {
      const error = await openReport({ envelope, account: m.account.address, keyPair: m.keys, context: other }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(EnvelopeError);
      expect((error as EnvelopeError).kind).toBe('wrong-context');
      expect((error as EnvelopeError).message).toContain('request #7');
    }
  });

  it('an envelope moved to another request with its header rewritten (checksum recomputed) does not open', async () => {
    const envelope = await sealed();
    const moved = envelope.slice();
    moved[39 + 31] = 8; // the request id's last byte: #7 becomes #8
    const m = managers[0]!;
    const forged = await withChecksum(moved);
    const kind = await kindOf(
      openReport({
        envelope: forged,
        account: m.account.address,
        keyPair: m.keys,
        context: { ...context, requestId: 8n },
      }),
    );
    expect(kind).toBe('tampered');
  });

  it("a flipped bit in any byte gives 'tampered' or 'malformed', never the report", async () => {
    const envelope = await sealed();
    const m = managers[1]!;
    const seen = new Set<EnvelopeErrorKind | 'opened'>();
    for (let i = 0; i < envelope.length; i++) {
      const altered = envelope.slice();
      altered[i]! ^= 0x01;
      const kind = await kindOf(
        openReport({ envelope: altered, account: m.account.address, keyPair: m.keys, context }),
      );
      expect(['tampered', 'malformed'], `byte ${i} of ${envelope.length}`).toContain(kind);
      seen.add(kind);
    }
    expect(seen).toEqual(new Set(['tampered', 'malformed']));
  });

  it('a forger who recomputes the checksum is still caught by the authentication tags', async () => {
    const envelope = await sealed();
    const m = managers[0]!;
    const open = (bytes: Uint8Array) =>
      kindOf(openReport({ envelope: bytes, account: m.account.address, keyPair: m.keys, context }));
    const headerEnd = 92 + 2 * 132 + 12 + 4;
    // the ciphertext, the content nonce, the other manager's wrapped key, this manager's wrapped key and enc
    for (const offset of [headerEnd + 3, headerEnd - 10, 92 + 132 + 100, 92 + 100, 92 + 60]) {
      const altered = envelope.slice();
      altered[offset]! ^= 0x80;
      expect(await open(await withChecksum(altered)), `byte ${offset}`).toBe('tampered');
    }
    const truncated = await withChecksum(envelope.slice(0, envelope.length - 1));
    expect(await open(truncated)).toBe('malformed');
  });

  it('the stored bytes hold no 16-byte run of the report', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `Finding ${i}: unchecked call in function f${i * 7919}.\n`);
    const plaintext = new TextEncoder().encode(lines.join(''));
    const envelope = await sealed(plaintext);
    const windows = new Set<string>();
    const hexOf = (b: Uint8Array) => Buffer.from(b).toString('hex');
    for (let i = 0; i + 16 <= envelope.length; i++) windows.add(hexOf(envelope.subarray(i, i + 16)));
    let found = 0;
    for (let i = 0; i + 16 <= plaintext.length; i++) if (windows.has(hexOf(plaintext.subarray(i, i + 16)))) found++;
    expect(plaintext.length).toBeGreaterThan(100_000);
    expect(found).toBe(0);
  });

  it('a 5 MB report goes through, for two managers', async () => {
    const plaintext = new Uint8Array(5 * 1024 * 1024);
    for (let i = 0; i < plaintext.length; i += 65536) crypto.getRandomValues(plaintext.subarray(i, i + 65536));
    const envelope = await sealed(plaintext);
    expect(envelope.length).toBe(plaintext.length + 92 + 2 * 132 + 12 + 4 + 16 + 32);
    for (const m of managers) {
      const opened = await openReport({ envelope, account: m.account.address, keyPair: m.keys, context });
      expect(opened.length).toBe(plaintext.length);
      expect(Buffer.from(opened).equals(Buffer.from(plaintext))).toBe(true);
    }
  });

  it('two sealings of one report differ (fresh content key and ephemeral keys)', async () => {
    const [a, b] = [await sealed(), await sealed()];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('refuses inputs that cannot make an envelope, saying why', async () => {
    const recipients = managers.map(recipientOf);
    const seal = (over: Partial<Parameters<typeof sealReport>[0]>) =>
      kindOf(sealReport({ plaintext: report, recipients, context, ...over }));
    expect(await seal({ plaintext: new Uint8Array() })).toBe('malformed');
    expect(await seal({ recipients: [] })).toBe('malformed');
    expect(
      await seal({ recipients: [{ account: managers[0]!.account.address, publicKey: `0x${'00'.repeat(32)}` }] }),
    ).toBe('malformed');
    expect(
      await seal({ recipients: [recipients[0]!, { ...recipients[0]!, publicKey: recipients[1]!.publicKey }] }),
    ).toBe('malformed');
    const many = Array.from({ length: MAX_RECIPIENTS + 1 }, (_, i) => ({
      account: getAddress(`0x${(i + 1).toString(16).padStart(40, '0')}`),
      publicKey: recipients[0]!.publicKey,
    }));
    expect(await seal({ recipients: many })).toBe('malformed');
    // The same account twice with the same key is sealed once.
    const once = await sealReport({ plaintext: report, recipients: [recipients[0]!, recipients[0]!], context });
    expect(once[91]).toBe(1);
  });
});

describe('limits are checked before parsing', () => {
  const m = () => managers[0]!;
  const open = (envelope: Uint8Array) =>
    kindOf(openReport({ envelope, account: m().account.address, keyPair: m().keys, context }));

  it('refuses an envelope beyond the size limit, a short one, another marker, version or suite', async () => {
    expect(await open(new Uint8Array(MAX_ENVELOPE_BYTES + 1))).toBe('malformed');
    expect(await open(new Uint8Array(100))).toBe('malformed');
    const envelope = await sealed();
    for (const [offset, value] of [
      [0, 0x58],
      [4, 2],
      [6, 0x10],
      [10, 0x01],
    ] as const) {
      const altered = envelope.slice();
      altered[offset] = value;
      const error = await openReport({
        envelope: altered,
        account: m().account.address,
        keyPair: m().keys,
        context,
      }).catch((e: unknown) => e);
      expect((error as EnvelopeError).kind).toBe('malformed');
    }
    const v2 = envelope.slice();
    v2[4] = 2;
    await expect(
      openReport({ envelope: v2, account: m().account.address, keyPair: m().keys, context }),
    ).rejects.toThrow(/version 2/);
  });

  it('refuses a recipient count or ciphertext length that does not add up', async () => {
    const envelope = await sealed();
    const zero = envelope.slice();
    zero[91] = 0;
    expect(await open(await withChecksum(zero))).toBe('malformed');
    const tooMany = envelope.slice();
    tooMany[91] = MAX_RECIPIENTS + 1;
    expect(await open(await withChecksum(tooMany))).toBe('malformed');
    const huge = envelope.slice();
    const lengthAt = 92 + 2 * 132 + 12;
    new DataView(huge.buffer).setUint32(lengthAt, 0xffffffff);
    expect(await open(await withChecksum(huge))).toBe('malformed');
  });
});

describe('reportLinkOf', () => {
  it('is ipfs:// and the CID `ipfs add --cid-version 1` gives the report', async () => {
    async function* once() {
      yield report;
    }
    const { cid } = await computeCid([{ path: 'report.md', content: once }]);
    expect(reportLinkOf(cid)).toBe(`ipfs://${cid}`);
    expect(cid).toMatch(/^bafk/);
  });

  it('refuses what is not a CIDv1 in base32', () => {
    expect(() => reportLinkOf('not a cid')).toThrow(/not a CID/);
    expect(() => reportLinkOf('QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG')).toThrow(/cid-version 1/);
    expect(() => reportLinkOf(' bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy')).toThrow();
  });
});
