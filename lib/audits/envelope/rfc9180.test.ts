// The HPKE library, as the envelopes use it, reproduces RFC 9180's published test vectors: the X25519 KEM and the
// HKDF-SHA256 key schedule (A.1.1), and the AES-256-GCM AEAD (A.6.1). A library that drifted from the standard, or
// a suite assembled from the wrong parts, fails here before any report is sealed with it.
import {
  Aes128Gcm,
  Aes256Gcm,
  AeadId,
  CipherSuite,
  DhkemP521HkdfSha512,
  HkdfSha256,
  HkdfSha512,
  KdfId,
  KemId,
} from '@hpke/core';
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519';
import { bytesToHex, hexToBytes, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { RFC9180_A_1_1, RFC9180_A_6_1 } from './rfc9180Vectors.fixture';
import { SUITE_IDS } from './constants';
import { envelopeSuite } from './suite';

const bytes = (hex: string): Uint8Array => hexToBytes(`0x${hex}` as Hex);
const hex = (buf: ArrayBuffer): string => bytesToHex(new Uint8Array(buf)).slice(2);

type Vector = typeof RFC9180_A_1_1 | typeof RFC9180_A_6_1;

/** Checks one base-mode vector against `suite`: key derivation, encapsulation, every listed ciphertext in sequence,
 * opening, and the exporter (which depends on the whole key schedule). */
async function checkVector(suite: CipherSuite, v: Vector): Promise<void> {
  const recipient = await suite.kem.deriveKeyPair(bytes(v.ikmR));
  expect(hex(await suite.kem.serializePublicKey(recipient.publicKey))).toBe(v.pkRm);
  expect(hex(await suite.kem.serializePrivateKey(recipient.privateKey))).toBe(v.skRm);
  const ephemeral = await suite.kem.deriveKeyPair(bytes(v.ikmE));
  expect(hex(await suite.kem.serializePublicKey(ephemeral.publicKey))).toBe(v.pkEm);
  expect(hex(await suite.kem.serializePrivateKey(ephemeral.privateKey))).toBe(v.skEm);

  const encap = await suite.kem.encap({ recipientPublicKey: recipient.publicKey, ekm: bytes(v.ikmE) });
  expect(hex(encap.enc)).toBe(v.enc);
  expect(hex(encap.sharedSecret)).toBe(v.sharedSecret);
  const decap = await suite.kem.decap({ recipientKey: recipient, enc: bytes(v.enc) });
  expect(hex(decap)).toBe(v.sharedSecret);

  const sender = await suite.createSenderContext({
    recipientPublicKey: recipient.publicKey,
    info: bytes(v.info),
    ekm: bytes(v.ikmE),
  });
  expect(hex(sender.enc)).toBe(v.enc);
  const last = v.encryptions[v.encryptions.length - 1]!.sequenceNumber;
  const listed = new Map<number, Vector['encryptions'][number]>(v.encryptions.map((e) => [e.sequenceNumber, e]));
  const first = v.encryptions[0]!;
  for (let seq = 0; seq <= last; seq++) {
    const e = listed.get(seq);
    // Sequence numbers the RFC does not list are sealed too, to advance the nonce as the RFC's sender did.
    const ct = await sender.seal(bytes(e?.pt ?? first.pt), bytes(e?.aad ?? first.aad));
    if (e) expect(hex(ct), `ciphertext at sequence number ${seq}`).toBe(e.ct);
  }

  const receiver = await suite.createRecipientContext({
    recipientKey: recipient,
    enc: bytes(v.enc),
    info: bytes(v.info),
  });
  expect(hex(await receiver.open(bytes(first.ct), bytes(first.aad)))).toBe(first.pt);
  for (const x of v.exports) {
    expect(hex(await sender.export(bytes(x.exporterContext), x.length))).toBe(x.exportedValue);
    expect(hex(await receiver.export(bytes(x.exporterContext), x.length))).toBe(x.exportedValue);
  }
}

describe('RFC 9180 test vectors', () => {
  it('A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode', async () => {
    expect([RFC9180_A_1_1.mode, RFC9180_A_1_1.kemId, RFC9180_A_1_1.kdfId, RFC9180_A_1_1.aeadId]).toEqual([
      0, 0x20, 1, 1,
    ]);
    const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes128Gcm() });
    await checkVector(suite, RFC9180_A_1_1);
  });

  it('A.6.1: DHKEM(P-521, HKDF-SHA512), HKDF-SHA512, AES-256-GCM, base mode', async () => {
    expect([RFC9180_A_6_1.mode, RFC9180_A_6_1.kemId, RFC9180_A_6_1.kdfId, RFC9180_A_6_1.aeadId]).toEqual([
      0, 0x12, 3, 2,
    ]);
    const suite = new CipherSuite({ kem: new DhkemP521HkdfSha512(), kdf: new HkdfSha512(), aead: new Aes256Gcm() });
    await checkVector(suite, RFC9180_A_6_1);
  });

  it("the envelopes' suite is X25519 + HKDF-SHA256 + AES-256-GCM, and its KEM gives A.1.1's keys and shared secret", async () => {
    const suite = envelopeSuite();
    expect([suite.kem.id, suite.kdf.id, suite.aead.id]).toEqual([
      KemId.DhkemX25519HkdfSha256,
      KdfId.HkdfSha256,
      AeadId.Aes256Gcm,
    ]);
    expect(SUITE_IDS).toEqual({ kem: suite.kem.id, kdf: suite.kdf.id, aead: suite.aead.id });
    expect(suite.aead.keySize).toBe(32);
    const v = RFC9180_A_1_1;
    const recipient = await suite.kem.deriveKeyPair(bytes(v.ikmR));
    expect(hex(await suite.kem.serializePublicKey(recipient.publicKey))).toBe(v.pkRm);
    const encap = await suite.kem.encap({ recipientPublicKey: recipient.publicKey, ekm: bytes(v.ikmE) });
    expect(hex(encap.enc)).toBe(v.enc);
    expect(hex(encap.sharedSecret)).toBe(v.sharedSecret);
  });
});
