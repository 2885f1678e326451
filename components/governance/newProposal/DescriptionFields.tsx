'use client';
import { useId } from 'react';
import type { Hex } from 'viem';
import type { NewProposalForm } from '@/lib/governance/newProposal';
import { LazyMarkdown } from '../LazyMarkdown';
import { TextField } from './TextField';
import type { ShownErrors } from './useShownErrors';

type DescriptionState = Pick<
  NewProposalForm,
  'descriptionUrl' | 'descriptionMode' | 'descriptionText' | 'descriptionHash'
>;

const MODES = [
  ['text', 'The text, typed or pasted here'],
  ['hash', 'A hash I already have'],
] as const;

/** Where the full description lives, and its Keccak-256: hashed from the text typed here or pasted as is. */
export function DescriptionFields({
  value,
  onChange,
  errors,
  hash,
}: {
  value: DescriptionState;
  onChange(change: Partial<DescriptionState>): void;
  errors: ShownErrors;
  /** The hash the contract will store, once valid. */
  hash: Hex | undefined;
}) {
  const id = useId();
  return (
    <div className="space-y-4">
      <TextField
        id={`${id}-url`}
        field="descriptionUrl"
        label="Description URL"
        type="url"
        placeholder="ipfs://bafy… or https://…"
        value={value.descriptionUrl}
        onChange={(descriptionUrl) => onChange({ descriptionUrl })}
        errors={errors}
        hint="https://… or ipfs://…, where voters will read the full text"
      />
      <fieldset>
        <legend className="text-sm font-medium">Description hash from</legend>
        <div className="mt-2 flex flex-wrap gap-4 text-sm">
          {MODES.map(([mode, label]) => (
            <label key={mode} className="flex items-center gap-2">
              <input
                type="radio"
                name="descriptionMode"
                value={mode}
                checked={value.descriptionMode === mode}
                onChange={() => onChange({ descriptionMode: mode })}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
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
      {hash && (
        <div className="text-sm">
          <p className="text-slate-400">Keccak-256 the contract will store</p>
          <p className="font-mono text-xs break-all" data-testid="description-hash-preview">
            {hash}
          </p>
        </div>
      )}
      {value.descriptionMode === 'text' && value.descriptionText.trim() !== '' && (
        <section aria-label="Description preview" className="rounded-md border border-slate-800 p-3">
          <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-400 uppercase">Preview</h3>
          <LazyMarkdown text={value.descriptionText} />
        </section>
      )}
    </div>
  );
}
