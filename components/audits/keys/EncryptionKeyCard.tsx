'use client';

import { useState } from 'react';
import type { Address } from 'viem';
import { useSignMessage } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { deriveEncryptionKeyPair, encryptionKeyMessage, type EncryptionKeyPair } from '@/lib/audits/envelope';
import { allowed, refused } from '@/lib/tx/actionState';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Button, Card } from '@/components/ui/primitives';
import { contractWrite, TransactionAction } from '@/components/ui/TransactionAction';
import { encryptionKeyStatus, keyFingerprint, signatureProblem } from './keyStatus';
import { useEncryptionKey } from './useEncryptionKey';

/**
 * The member's encryption key: the wallet signs a fixed message, the key pair is derived from it in this tab, and
 * its public half is registered in the audit registry so that auditors can seal reports for it. Shown in the
 * auditor workspace and the manager console. The derived pair goes to `onKeyPair` (the inbox opens reports with
 * it); it is never stored.
 */
export function EncryptionKeyCard({
  registry,
  account,
  role,
  onKeyPair,
}: {
  registry: Address;
  account: Address | undefined;
  /** The account's current role; undefined for neither (only managers and auditors register a key). */
  role: 'manager' | 'auditor' | undefined;
  onKeyPair?(pair: EncryptionKeyPair): void;
}) {
  const { chain } = useNetwork();
  const registered = useEncryptionKey(registry, account);
  const { signMessageAsync, isPending: signing } = useSignMessage();
  const [derived, setDerived] = useState<{ account: Address; pair: EncryptionKeyPair } | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  // A key derived for another account (the wallet switched) says nothing of this one.
  const pair = derived && derived.account === account ? derived.pair : undefined;

  const derive = async () => {
    if (!account) return;
    setProblem(undefined);
    try {
      const signature = await signMessageAsync({
        account,
        message: encryptionKeyMessage({ chainId: chain.id, registry }),
      });
      const next = await deriveEncryptionKeyPair(signature);
      setDerived({ account, pair: next });
      onKeyPair?.(next);
    } catch (error) {
      setProblem(signatureProblem(error));
    }
  };

  if (!account) {
    return (
      <Card title="Encryption key">
        <p className="text-sm text-slate-300">Connect your wallet to see or register your encryption key.</p>
      </Card>
    );
  }
  if (!role) {
    return (
      <Card title="Encryption key">
        <p className="text-sm text-slate-300">
          Only managers and auditors register an encryption key: auditors seal their reports for the managers’ keys.
        </p>
      </Card>
    );
  }
  const status = registered.key ? encryptionKeyStatus(registered.key, pair?.publicKey) : undefined;
  const purpose =
    role === 'manager'
      ? 'Auditors seal the reports they deliver for every current manager’s key; you open them with yours.'
      : 'Managers read the reports you deliver with their keys; your key lets you open the envelopes you sealed.';

  return (
    <Card title="Encryption key">
      <p className="text-sm text-slate-300">
        {purpose} Your key is derived in this tab from your wallet’s signature of a fixed message (no transaction, no
        fee); the private half never leaves the tab, and the same wallet derives the same key again on any device.
      </p>
      <dl className="mt-3 grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
        <dt className="text-slate-400">Registered key</dt>
        <dd className="font-mono break-all" data-testid="registered-key">
          {registered.error
            ? 'could not be read'
            : !status
              ? 'reading…'
              : status.kind === 'none-registered'
                ? 'none yet'
                : keyFingerprint(status.registered)}
        </dd>
        {pair && (
          <>
            <dt className="text-slate-400">Key derived here</dt>
            <dd className="font-mono break-all" data-testid="derived-key">
              {keyFingerprint(pair.publicKey)}
            </dd>
          </>
        )}
      </dl>
      {status?.kind === 'matches' && (
        <p className="mt-3 text-sm text-emerald-300" role="status">
          Your wallet derives the registered key: reports sealed for you open in this tab.
        </p>
      )}
      {status?.kind === 'differs' && (
        <p className="mt-3 text-sm text-amber-300" role="alert">
          Your wallet derives another key than the one registered (another wallet, or one that signs differently).
          Reports sealed for the registered key will not open here. Register this key so that new reports are sealed for
          it; reports already delivered stay sealed for the old one.
        </p>
      )}
      {status?.kind === 'none-registered' && !pair && (
        <p className="mt-3 text-sm text-slate-300">
          {role === 'manager'
            ? 'No key is registered: auditors cannot deliver reports to you until you register one.'
            : 'No key is registered yet.'}
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-start gap-3">
        {!pair && (
          <Button onClick={() => void derive()} disabled={signing}>
            {signing ? 'Waiting for your wallet…' : 'Sign to derive your key'}
          </Button>
        )}
        {pair && (status?.kind === 'none-registered' || status?.kind === 'differs') && (
          <TransactionAction
            label={status.kind === 'differs' ? 'Register this key instead' : 'Register this key'}
            action={role ? allowed() : refused('Only managers and auditors register a key')}
            build={() =>
              contractWrite({
                address: registry,
                abi: auditRegistryAbi,
                functionName: 'set_encryption_key',
                args: [pair.publicKey],
              })
            }
            successMessage="Registered your encryption key"
          />
        )}
      </div>
      {problem && (
        <p className="mt-2 text-sm text-amber-300" role="alert">
          {problem}
        </p>
      )}
    </Card>
  );
}
