'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { parseEventLogs, type Address } from 'viem';
import { useAccount } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { KNOWN_CHAINS, requestHref } from '@/lib/audits/requests';
import {
  MAX_DESCRIPTION_BYTES,
  byteLength,
  parseChainId,
  validateRequestForm,
  type RequestFormField,
  type RequestFormInput,
} from '@/lib/audits/validation';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Button, Card } from '@/components/ui/primitives';
import { DeployedGate } from '@/components/ui/DeployedGate';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import { PageHeading } from '@/components/audits/pageParts';
import { useRequestCount } from './hooks/useRequestCount';
import { Field, described, inputClass } from '@/components/ui/FormField';
import { useKeepTypedValue } from '@/components/ui/useKeepTypedValue';

const PLATFORMS = ['Solidity', 'Vyper', 'Yul', 'Other'] as const;

export function NewRequestPage() {
  const { chain } = useNetwork();
  return (
    <div className="space-y-6">
      <PageHeading title="Request an audit">
        Free for developers. Managers review the request; once approved, Callisto’s auditors review the source and the
        verdict joins the public registry.
      </PageHeading>
      <DeployedGate contracts={['AuditRegistry']} feature="The audit registry">
        {({ AuditRegistry }) => <NewRequestForm registry={AuditRegistry} defaultChainId={chain.id} />}
      </DeployedGate>
    </div>
  );
}

function NewRequestForm({ registry, defaultChainId }: { registry: Address; defaultChainId: number }) {
  const { address } = useAccount();
  // The new request's id is in its receipt's event; the count read before sending stands in if it is not.
  const countBefore = useRequestCount(registry).data;
  const empty = {
    contractAddress: '',
    chainId: String(defaultChainId),
    sourceUrl: '',
    description: '',
    platform: 'Solidity',
  };
  const [form, setForm] = useState<RequestFormInput>(empty);
  const [platformChoice, setPlatformChoice] = useState<string>('Solidity');
  const [submitted, setSubmitted] = useState(false);
  const [created, setCreated] = useState<bigint | undefined>(undefined);
  const tx = useTransaction();
  const base = useId();
  const id = (name: string) => `${base}-${name}`;

  const result = validateRequestForm(form);
  // Messages appear on submit, not on blur: a message appearing as a field is left pushes the button down and
  // swallows the click that left the field.
  const shown = (field: RequestFormField) => (submitted ? result.errors[field] : undefined);
  const set = (key: keyof RequestFormInput, value: string) => setForm((f) => ({ ...f, [key]: value }));
  // What was typed into the static page before it hydrated is kept (see useKeepTypedValue).
  const keepAddress = useKeepTypedValue(form.contractAddress, (v) => set('contractAddress', v));
  const keepChain = useKeepTypedValue(form.chainId, (v) => set('chainId', v));
  const keepSource = useKeepTypedValue(form.sourceUrl, (v) => set('sourceUrl', v));
  const keepDescription = useKeepTypedValue(form.description, (v) => set('description', v));
  const keepPlatformChoice = useKeepTypedValue(platformChoice, (v) => {
    setPlatformChoice(v);
    set('platform', v === 'Other' ? '' : v);
  });
  const keepPlatform = useKeepTypedValue(form.platform, (v) => set('platform', v));
  const chainValue = parseChainId(form.chainId).value;
  const chainName = chainValue === undefined ? undefined : KNOWN_CHAINS[chainValue.toString()];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setCreated(undefined);
    const args = result.args;
    if (!args || !address) return;
    const before = countBefore;
    const outcome = await tx.send(
      { address: registry, abi: auditRegistryAbi, functionName: 'submit_request', args },
      { successMessage: `Requested an audit of ${args[0]}` },
    );
    if (outcome?.status === 'success') {
      const [log] = parseEventLogs({
        abi: auditRegistryAbi,
        eventName: 'RequestSubmitted',
        logs: outcome.receipt.logs,
      });
      setCreated(log?.args.id ?? before);
      setForm(empty);
      setPlatformChoice('Solidity');
      setSubmitted(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Card>
        <div className="space-y-4">
          <Field id={id('address')} label="Contract address" error={shown('contractAddress')}>
            <input
              id={id('address')}
              name="contractAddress"
              autoComplete="off"
              spellCheck={false}
              placeholder="0x…"
              ref={keepAddress}
              value={form.contractAddress}
              onChange={(e) => set('contractAddress', e.target.value)}
              className={`${inputClass} font-mono`}
              {...described(id('address'), shown('contractAddress'))}
            />
          </Field>
          <Field
            id={id('chain')}
            label="Chain id"
            error={shown('chainId')}
            hint={
              <>
                {chainName ? `${chainName}. ` : chainValue !== undefined ? 'A chain the app does not name. ' : ''}
                Known: 820 Callisto, 31337 local, 61 Ethereum Classic, 1 Ethereum.
              </>
            }
          >
            <input
              id={id('chain')}
              name="chainId"
              inputMode="numeric"
              autoComplete="off"
              list={id('chains')}
              ref={keepChain}
              value={form.chainId}
              onChange={(e) => set('chainId', e.target.value)}
              className={`${inputClass} tabular-nums`}
              {...described(id('chain'), shown('chainId'), true)}
            />
            <datalist id={id('chains')}>
              {Object.entries(KNOWN_CHAINS).map(([value, name]) => (
                <option key={value} value={value}>
                  {name}
                </option>
              ))}
            </datalist>
          </Field>
          <Field
            id={id('source')}
            label="Source URL"
            error={shown('sourceUrl')}
            hint="https://… or ipfs://…, where the auditors read the source code"
          >
            <input
              id={id('source')}
              name="sourceUrl"
              type="url"
              autoComplete="off"
              spellCheck={false}
              placeholder="https://github.com/…"
              ref={keepSource}
              value={form.sourceUrl}
              onChange={(e) => set('sourceUrl', e.target.value)}
              className={inputClass}
              {...described(id('source'), shown('sourceUrl'), true)}
            />
          </Field>
          <Field
            id={id('description')}
            label="Description"
            error={shown('description')}
            hint={`${byteLength(form.description)} of ${MAX_DESCRIPTION_BYTES} bytes (UTF-8): what the contract does; shown as plain text`}
          >
            <textarea
              id={id('description')}
              name="description"
              rows={4}
              ref={keepDescription}
              value={form.description}
              onChange={(e) => set('description', e.target.value)}
              className={inputClass}
              {...described(id('description'), shown('description'), true)}
            />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id={id('platform')} label="Platform">
              <select
                id={id('platform')}
                name="platformChoice"
                ref={keepPlatformChoice}
                value={platformChoice}
                onChange={(e) => {
                  setPlatformChoice(e.target.value);
                  set('platform', e.target.value === 'Other' ? '' : e.target.value);
                }}
                className={inputClass}
              >
                {PLATFORMS.map((p) => (
                  <option key={p} value={p}>
                    {p === 'Other' ? 'Other…' : p}
                  </option>
                ))}
              </select>
            </Field>
            {platformChoice === 'Other' ? (
              <Field id={id('platform-other')} label="Platform name" error={shown('platform')} hint="1 to 32 bytes">
                <input
                  id={id('platform-other')}
                  name="platform"
                  autoComplete="off"
                  ref={keepPlatform}
                  value={form.platform}
                  onChange={(e) => set('platform', e.target.value)}
                  className={inputClass}
                  {...described(id('platform-other'), shown('platform'), true)}
                />
              </Field>
            ) : (
              shown('platform') && <p className="text-sm text-rose-300">{shown('platform')}</p>
            )}
          </div>
        </div>
        <Button type="submit" className="mt-5 w-full sm:w-auto" disabled={tx.isBusy || !address}>
          Submit request
        </Button>
        {!address && <p className="mt-2 text-sm text-slate-400">Connect a wallet to submit.</p>}
        {submitted && !result.args && (
          <p role="alert" className="mt-2 text-sm text-rose-300">
            Nothing was sent: correct the fields marked above.
          </p>
        )}
        <TxStatus state={tx.state} />
        {created !== undefined && (
          <p className="mt-3 text-sm">
            <Link
              href={requestHref(created)}
              className="text-teal-300 underline underline-offset-2"
              data-testid="new-request-link"
            >
              View request #{created.toString()}
            </Link>
          </p>
        )}
      </Card>
    </form>
  );
}
