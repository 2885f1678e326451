// The fixed numbers of the envelope's HPKE suite, apart from the HPKE code itself so that size checks and
// formats load without it. No React here.

/** The RFC 9180 identifiers of the suite, written into every envelope so that a reader knows what sealed it. */
export const SUITE_IDS = { kem: 0x0020, kdf: 0x0001, aead: 0x0002 } as const;

/** Sizes fixed by the suite (RFC 9180 section 7): X25519 keys and encapsulated keys are 32 bytes, an AES-256-GCM
 * key 32 bytes, its nonce 12 and its tag 16. */
export const X25519_KEY_BYTES = 32;
export const ENC_BYTES = 32;
export const CONTENT_KEY_BYTES = 32;
export const GCM_NONCE_BYTES = 12;
export const GCM_TAG_BYTES = 16;
