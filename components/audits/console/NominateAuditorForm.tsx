'use client';

import { useId, useState, type FormEvent } from 'react';
import { isAddress, type Address } from 'viem';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { validateContact, validateMemberAddress } from '@/lib/audits/validation';
import { Field, described, inputClass } from '@/components/ui/FormField';
import { Button, Card } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useKeepTypedValue } from '@/components/ui/useKeepTypedValue';
import { useTransaction } from '@/components/ui/useTransaction';

/** A manager nominates an auditor (address and public contact); another manager confirms it. */
export function NominateAuditorForm({ registry, refusal }: { registry: Address; refusal: string | undefined }) {
  const [account, setAccount] = useState('');
  const [contact, setContact] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const tx = useTransaction();
  const base = useId();
  // What was typed into the static page before it hydrated is kept (see useKeepTypedValue).
  const keepAccount = useKeepTypedValue(account, setAccount);
  const keepContact = useKeepTypedValue(contact, setContact);
  const accountError = validateMemberAddress(account);
  const contactError = validateContact(contact);
  const shownAccount = submitted ? accountError : undefined;
  const shownContact = submitted ? contactError : undefined;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (accountError || contactError || refusal || !isAddress(account, { strict: false })) return;
    const outcome = await tx.send(
      { address: registry, abi: auditRegistryAbi, functionName: 'nominate_auditor', args: [account, contact] },
      { successMessage: `Nominated auditor ${account}: another manager must confirm` },
    );
    if (outcome?.status === 'success') {
      setAccount('');
      setContact('');
      setSubmitted(false);
    }
  }
  return (
    <Card title="Nominate an auditor">
      <form onSubmit={submit} noValidate className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={`${base}-account`} label="Auditor address" error={shownAccount}>
            <input
              id={`${base}-account`}
              autoComplete="off"
              spellCheck={false}
              placeholder="0x…"
              ref={keepAccount}
              value={account}
              onChange={(e) => setAccount(e.target.value)}
              className={`${inputClass} font-mono`}
              {...described(`${base}-account`, shownAccount)}
            />
          </Field>
          <Field
            id={`${base}-contact`}
            label="Contact"
            error={shownContact}
            hint="A public e-mail address or handle, 1 to 100 bytes"
          >
            <input
              id={`${base}-contact`}
              autoComplete="off"
              ref={keepContact}
              value={contact}
              onChange={(e) => setContact(e.target.value)}
              className={inputClass}
              {...described(`${base}-contact`, shownContact, true)}
            />
          </Field>
        </div>
        <p className="text-xs text-slate-400" id={`${base}-rule`}>
          Adding an auditor takes two managers: you nominate, and another manager confirms below, so that no single
          manager can enlist an address of its own and pay it. Nominating a current auditor changes its contact once
          confirmed; a removed auditor added again keeps its karma. A manager cannot be an auditor.
        </p>
        <Button
          type="submit"
          disabled={refusal !== undefined || tx.isBusy}
          aria-describedby={refusal ? `${base}-refusal ${base}-rule` : `${base}-rule`}
        >
          Nominate auditor
        </Button>
        {refusal && (
          <p id={`${base}-refusal`} className="text-xs text-slate-400">
            {refusal}
          </p>
        )}
      </form>
      <TxStatus state={tx.state} />
    </Card>
  );
}
