// The one HPKE (RFC 9180) cipher suite of the report envelopes: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
// AES-256-GCM, base mode. Built from the @hpke packages rather than by hand so that the construction is the
// standard's, checked against its published test vectors (rfc9180.test.ts). No React here.
import { Aes256Gcm, CipherSuite, HkdfSha256 } from '@hpke/core';
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519';

/** The RFC 9180 identifiers of the suite, written into every envelope so that a reader knows what sealed it. */
export const SUITE_IDS = { kem: 0x0020, kdf: 0x0001, aead: 0x0002 } as const;

/** Sizes fixed by the suite (RFC 9180 section 7): X25519 keys and encapsulated keys are 32 bytes, an AES-256-GCM
 * key 32 bytes, its nonce 12 and its tag 16. */
export const X25519_KEY_BYTES = 32;
export const ENC_BYTES = 32;
export const CONTENT_KEY_BYTES = 32;
export const GCM_NONCE_BYTES = 12;
export const GCM_TAG_BYTES = 16;

let suite: CipherSuite | undefined;

/** The suite, created once: its KEM also derives the X25519 key pair from a wallet signature. */
export function envelopeSuite(): CipherSuite {
  suite ??= new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
  return suite;
}
