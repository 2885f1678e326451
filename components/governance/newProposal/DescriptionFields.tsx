'use client';
import { useId } from 'react';
import type { Hex } from 'viem';
import { formatCloWithUnit } from '@/lib/format/clo';
import type { DescriptionResult } from '@/lib/governance/description';
import type { StoredDescription } from '@/lib/governance/descriptionStorage';
import type { NewProposalForm } from '@/lib/governance/newProposal';
import { LazyMarkdown } from '../LazyMarkdown';
import { TextField } from './TextField';
import type { ShownErrors } from './useShownErrors';
import { RadioGroup } from '@/components/ui/RadioGroup';

type DescriptionState = Pick<
  NewProposalForm,
  'descriptionStorage' | 'descriptionUrl' | 'descriptionMode' | 'descriptionText' | 'descriptionHash'
>;

const STORAGES = [
  ['file-system', 'Store it on the Callisto File System with the proposal'],
  ['url', 'It is already published at a URL'],
] as const;

const MODES = [
  ['text', 'The text, typed or pasted here'],
  ['hash', 'A hash I already have'],
] as const;

/** What the form knows of a description it stores itself. */
export interface StoredDescriptionView {
  description: StoredDescription | undefined;
  /** The CID is being computed for the latest text. */
  computing: boolean;
  /** The storage deposit for its size, once quoted. */
  deposit: bigint | undefined;
}

/**
 * Where the full description lives, and its Keccak-256. Stored on the file system (where there is one), the
 * address and the hash both come from the bytes stored, so they cannot disagree. Published at a URL, the form
 * fetches it and checks it against the hash from the text typed here or pasted as is.
 */
export function DescriptionFields({
  value,
  onChange,
  errors,
  hash,
  hasFileSystem,
  stored,
  check,
}: {
  value: DescriptionState;
  onChange(change: Partial<DescriptionState>): void;
  errors: ShownErrors;
  /** The hash the contract will store, once valid. */
  hash: Hex | undefined;
  hasFileSystem: boolean;
  stored: StoredDescriptionView;
  /** The form's fetch of the URL (url storage), once it ran. */
  check: { result: DescriptionResult | undefined; checking: boolean };
}) {
  const id = useId();
  const onFileSystem = hasFileSystem && value.descriptionStorage === 'file-system';
  const typesText = onFileSystem || value.descriptionMode === 'text';
  return (
    <div className="space-y-4">
      {hasFileSystem && (
        <RadioGroup
          legend="Where the description lives"
          options={STORAGES}
          value={value.descriptionStorage}
          onChange={(descriptionStorage) => onChange({ descriptionStorage })}
        />
      )}
      {onFileSystem ? (
        <>
          <TextField
            id={`${id}-text`}
            field="descriptionText"
            label="Description text (Markdown)"
            multiline
            code
            value={value.descriptionText}
            onChange={(descriptionText) => onChange({ descriptionText })}
            errors={errors}
            hint="Stored on the host nodes exactly as typed (UTF-8) when you submit: its ipfs:// address and its hash both come from these bytes."
          />
          <StoredSummary stored={stored} />
        </>
      ) : (
        <>
          <TextField
            id={`${id}-url`}
            field="descriptionUrl"
            label="Description URL"
            type="url"
            placeholder="https://… or ipfs://bafy…"
            value={value.descriptionUrl}
            onChange={(descriptionUrl) => onChange({ descriptionUrl })}
            errors={errors}
            hint="https://… or ipfs://…, where voters will read the full text. The form fetches it and refuses a hash that does not match what it finds."
          />
          <RadioGroup
            legend="Description hash from"
            options={MODES}
            value={value.descriptionMode}
            onChange={(descriptionMode) => onChange({ descriptionMode })}
          />
          {value.descriptionMode === 'text' ? (
            <TextField
              id={`${id}-text`}
              field="descriptionText"
              label="Description text (Markdown)"
              multiline
              code
              value={value.descriptionText}
              onChange={(descriptionText) => onChange({ descriptionText })}
              errors={errors}
              hint="Publish exactly this text, byte for byte (UTF-8), at the URL: any change makes it fail the check."
            />
          ) : (
            <TextField
              id={`${id}-hash`}
              field="descriptionHash"
              label="Description hash (Keccak-256)"
              code
              placeholder="0x…"
              value={value.descriptionHash}
              onChange={(descriptionHash) => onChange({ descriptionHash })}
              errors={errors}
              hint="0x and 64 hex digits: the Keccak-256 of the exact bytes published at the URL"
            />
          )}
          <UrlCheck check={check} />
        </>
      )}
      {hash && (
        <div className="text-sm">
          <p className="text-slate-400">Keccak-256 the contract will store</p>
          <p className="font-mono text-xs break-all" data-testid="description-hash-preview">
            {hash}
          </p>
        </div>
      )}
      {typesText && value.descriptionText.trim() !== '' && (
        <section aria-label="Description preview" className="rounded-md border border-slate-800 p-3">
          <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-400 uppercase">Preview</h3>
          <LazyMarkdown text={value.descriptionText} />
        </section>
      )}
    </div>
  );
}

function StoredSummary({ stored }: { stored: StoredDescriptionView }) {
  const d = stored.description;
  if (!d) {
    return stored.computing ? (
      <p role="status" className="text-sm text-slate-300">
        Computing the description’s CID…
      </p>
    ) : null;
  }
  return (
    <dl className="grid gap-1 text-sm" data-testid="description-storage">
      <div>
        <dt className="inline text-slate-400">Address it will have: </dt>
        <dd className="inline font-mono text-xs break-all" data-testid="description-ipfs-url">
          {d.url}
          {stored.computing && <span className="ml-1 text-slate-400">(updating…)</span>}
        </dd>
      </div>
      <div>
        <dt className="inline text-slate-400">Size: </dt>
        <dd className="inline tabular-nums">{d.size.toString()} bytes</dd>
      </div>
      <div>
        <dt className="inline text-slate-400">Storage deposit: </dt>
        <dd className="inline" data-testid="description-deposit">
          {stored.deposit === undefined ? 'quoting…' : formatCloWithUnit(stored.deposit)}
        </dd>
      </div>
      <p className="text-xs text-slate-400">
        Submitting takes up to three steps: your wallet pays this deposit (the file is under your proposals/ and you get
        the deposit back when you withdraw it; withdrawn, voters can no longer read the description from the host
        nodes), the text goes to a host node, then your wallet submits the proposal with its own deposit.
      </p>
    </dl>
  );
}

function UrlCheck({ check }: { check: { result: DescriptionResult | undefined; checking: boolean } }) {
  if (check.checking) {
    return (
      <p role="status" className="text-sm text-slate-300">
        Fetching the URL to check it against the hash…
      </p>
    );
  }
  if (check.result?.state === 'verified') {
    return (
      <p className="text-sm text-emerald-300" data-testid="description-url-check">
        ✓ The text at this URL matches the hash.
      </p>
    );
  }
  return null;
}
