// The encryption key a wallet derives: the message says what the signature is for, one signer always finds the same
// key (whatever form of the same signature its wallet returns), and another signer, chain or registry never does.
import { bytesToHex, hexToBytes, parseSignature, serializeSignature, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { EnvelopeError } from './errors';
import { encryptionKeyMessage, isEncryptionPublicKey } from './keyMessage';
import { deriveEncryptionKeyPair } from './keys';

// anvil's published test keys: public, never for real funds.
const manager = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');
const auditor = privateKeyToAccount('0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a');
const registry: Address = '0x5fbdb2315678afecb367f032d93f642f64180aa3';
const otherRegistry: Address = '0xe7f1725e7734ce288f8367e1bb143e90bb3f0512';
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

describe('encryptionKeyMessage', () => {
  it('names the app, the purpose, that no funds move, the chain id and the checksummed registry', () => {
    const message = encryptionKeyMessage({ chainId: 820, registry });
    expect(message).toContain('Callisto Hub');
    expect(message).toContain('derive your audit-report encryption key; signing does not move funds');
    expect(message).toContain('Chain ID: 820');
    expect(message).toContain('Audit registry: 0x5FbDB2315678afecb367f032d93F642f64180aa3');
  });

  it('differs for another chain or registry', () => {
    const base = encryptionKeyMessage({ chainId: 820, registry });
    expect(encryptionKeyMessage({ chainId: 31337, registry })).not.toBe(base);
    expect(encryptionKeyMessage({ chainId: 820, registry: otherRegistry })).not.toBe(base);
  });
});

describe('deriveEncryptionKeyPair', () => {
  const message = encryptionKeyMessage({ chainId: 31337, registry });

  it('gives a 32-byte non-zero public key and private key, the same each time the wallet signs', async () => {
    const first = await deriveEncryptionKeyPair(await manager.signMessage({ message }));
    const again = await deriveEncryptionKeyPair(await manager.signMessage({ message }));
    expect(hexToBytes(first.publicKey)).toHaveLength(32);
    expect(first.privateKey).toHaveLength(32);
    expect(isEncryptionPublicKey(first.publicKey)).toBe(true);
    expect(again.publicKey).toBe(first.publicKey);
    expect(bytesToHex(again.privateKey)).toBe(bytesToHex(first.privateKey));
  });

  it('gives the same key for the v = 27/28 and v = 0/1 forms, the high-s twin and the EIP-2098 compact form', async () => {
    const signature = await manager.signMessage({ message });
    const expected = (await deriveEncryptionKeyPair(signature)).publicKey;
    const { r, s, yParity } = parseSignature(signature);
    const yParityForm = serializeSignature({ r, s, yParity });
    const highS: Hex = `0x${(SECP256K1_N - BigInt(s)).toString(16).padStart(64, '0')}`;
    const twin = serializeSignature({ r, s: highS, yParity: yParity === 0 ? 1 : 0 });
    const compactS = BigInt(s) | (BigInt(yParity) << 255n);
    const compact: Hex = `${r}${compactS.toString(16).padStart(64, '0')}`;
    for (const form of [yParityForm, twin, compact])
      expect((await deriveEncryptionKeyPair(form)).publicKey).toBe(expected);
  });

  it('gives another key to another signer and for another registry', async () => {
    const mine = (await deriveEncryptionKeyPair(await manager.signMessage({ message }))).publicKey;
    const theirs = (await deriveEncryptionKeyPair(await auditor.signMessage({ message }))).publicKey;
    const elsewhere = await manager.signMessage({
      message: encryptionKeyMessage({ chainId: 31337, registry: otherRegistry }),
    });
    expect(theirs).not.toBe(mine);
    expect((await deriveEncryptionKeyPair(elsewhere)).publicKey).not.toBe(mine);
  });

  it('refuses something that is not a signature', async () => {
    await expect(deriveEncryptionKeyPair('0x1234')).rejects.toBeInstanceOf(EnvelopeError);
    await expect(deriveEncryptionKeyPair('0xzz' as Hex)).rejects.toMatchObject({ kind: 'malformed' });
  });
});

describe('isEncryptionPublicKey', () => {
  it('accepts 32 bytes, refuses the zero key, other lengths and nothing', () => {
    expect(isEncryptionPublicKey(`0x${'11'.repeat(32)}`)).toBe(true);
    expect(isEncryptionPublicKey(`0x${'00'.repeat(32)}`)).toBe(false);
    expect(isEncryptionPublicKey(`0x${'11'.repeat(31)}`)).toBe(false);
    expect(isEncryptionPublicKey(undefined)).toBe(false);
  });
});
