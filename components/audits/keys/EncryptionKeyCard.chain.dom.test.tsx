// The encryption key card in the app's real providers, connected with the local dev account (a manager of a real
// registry on anvil): the wallet signs the key message, the key is derived in the tab and registered on chain, and a
// registered key the wallet no longer derives is detected and can be replaced.
import { cleanup, screen, waitFor } from '@testing-library/react';
import type { Address, Hex } from 'viem';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditRegistryAbi, auditRegistryBytecode } from '@/contracts-abi/AuditRegistry';
import { type TestChain } from '@/contracts/test/harness';
import { renderConnected, startAppChain, stopAppChain } from '@/components/testing/appOnChain';
import { anvilPrivateKeys, LOCAL_DEV_ACCOUNT_INDEX } from '@/lib/chain/anvilAccounts';
import { deriveEncryptionKeyPair, encryptionKeyMessage } from '@/lib/audits/envelope';
import { callistoLocal } from '@/lib/chain/chains';
import { privateKeyToAccount } from 'viem/accounts';
import { EncryptionKeyCard } from './EncryptionKeyCard';
import { keyFingerprint } from './keyStatus';

const DAY = 86_400n;

describe('EncryptionKeyCard on a real chain', () => {
  let chain: TestChain;
  let registry: Address;
  const devAccount = privateKeyToAccount(anvilPrivateKeys[LOCAL_DEV_ACCOUNT_INDEX]!);
  let expectedKey: Hex;

  const registeredKey = () =>
    chain.publicClient.readContract({
      address: registry,
      abi: auditRegistryAbi,
      functionName: 'encryption_key_of',
      args: [devAccount.address],
    });

  beforeAll(async () => {
    chain = await startAppChain();
    registry = await chain.deploy(auditRegistryAbi, auditRegistryBytecode, [
      chain.accounts[0]!.address,
      90n * DAY,
      27n * DAY,
      10n,
      5n,
    ]);
    await chain.write(0, {
      address: registry,
      abi: auditRegistryAbi,
      functionName: 'appoint_manager',
      args: [devAccount.address, 'dev'],
    });
    const signature = await devAccount.signMessage({
      message: encryptionKeyMessage({ chainId: callistoLocal.id, registry }),
    });
    expectedKey = (await deriveEncryptionKeyPair(signature)).publicKey;
  });
  afterEach(cleanup);
  afterAll(() => stopAppChain(chain));

  it('derives the key from the wallet’s signature, registers it, then says it matches', async () => {
    const onKeyPair = vi.fn();
    const user = await renderConnected(
      <EncryptionKeyCard registry={registry} account={devAccount.address} role="manager" onKeyPair={onKeyPair} />,
    );
    await screen.findByText('none yet', {}, { timeout: 20_000 });
    expect(screen.getByText(/auditors cannot deliver reports to you until you register one/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Sign to derive your key' }));
    expect((await screen.findByTestId('derived-key', {}, { timeout: 20_000 })).textContent).toBe(
      keyFingerprint(expectedKey),
    );
    expect(onKeyPair).toHaveBeenCalledWith(expect.objectContaining({ publicKey: expectedKey }));
    await user.click(screen.getByRole('button', { name: 'Register this key' }));
    await waitFor(async () => expect(await registeredKey()).toBe(expectedKey), { timeout: 20_000 });
    await screen.findByText(/Your wallet derives the registered key/, {}, { timeout: 20_000 });
    expect(screen.getByTestId('registered-key').textContent).toBe(keyFingerprint(expectedKey));
  });

  it('detects a registered key the wallet no longer derives and offers to register the new one', async () => {
    const stale: Hex = `0x${'5a'.repeat(32)}`;
    await chain.write(LOCAL_DEV_ACCOUNT_INDEX, {
      address: registry,
      abi: auditRegistryAbi,
      functionName: 'set_encryption_key',
      args: [stale],
    });
    const user = await renderConnected(
      <EncryptionKeyCard registry={registry} account={devAccount.address} role="manager" />,
    );
    await screen.findByText(keyFingerprint(stale), {}, { timeout: 20_000 });
    await user.click(screen.getByRole('button', { name: 'Sign to derive your key' }));
    expect((await screen.findByRole('alert', {}, { timeout: 20_000 })).textContent).toMatch(
      /derives another key than the one registered/,
    );
    await user.click(screen.getByRole('button', { name: 'Register this key instead' }));
    await waitFor(async () => expect(await registeredKey()).toBe(expectedKey), { timeout: 20_000 });
  });

  it('tells a visitor with no role that only managers and auditors register a key', async () => {
    await renderConnected(<EncryptionKeyCard registry={registry} account={devAccount.address} role={undefined} />);
    expect(await screen.findByText(/Only managers and auditors register an encryption key/)).toBeTruthy();
  });
});
