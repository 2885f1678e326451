// The one HPKE (RFC 9180) cipher suite of the report envelopes: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
// AES-256-GCM, base mode. Built from the @hpke packages rather than by hand so that the construction is the
// standard's, checked against its published test vectors (rfc9180.test.ts). No React here.
import { Aes256Gcm, CipherSuite, HkdfSha256 } from '@hpke/core';
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519';

let suite: CipherSuite | undefined;

/** The suite, created once: its KEM also derives the X25519 key pair from a wallet signature. */
export function envelopeSuite(): CipherSuite {
  suite ??= new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
  return suite;
}
