'use client';
import { useId } from 'react';
import { payeeNote } from '@/lib/governance/actions';
import type { FundingFields as Fields, SubmitCall } from '@/lib/governance/newProposal';
import { EpochCountField } from './EpochCountField';
import { TextField } from './TextField';
import type { ShownErrors } from './useShownErrors';
import { Amount } from '@/components/ui/Amount';

/** Funding: who is paid, how much an epoch, for how many epochs. */
export function FundingFields({
  fields,
  onChange,
  errors,
  call,
  staking,
}: {
  fields: Fields;
  onChange(fields: Fields): void;
  errors: ShownErrors;
  call: SubmitCall | undefined;
  /** The cold staking contract: a payee there is paid as a donation to its reward pool. */
  staking: string | undefined;
}) {
  const id = useId();
  const toStaking = payeeNote(fields.payee, staking);
  return (
    <>
      <TextField
        id={`${id}-payee`}
        field="payee"
        label="Payee address"
        code
        placeholder="0x…"
        value={fields.payee}
        onChange={(payee) => onChange({ ...fields, payee })}
        errors={errors}
        hint={toStaking && <span data-testid="payee-note">{toStaking}</span>}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={`${id}-amount`}
          field="amountPerEpoch"
          label="Amount per epoch (CLO)"
          numeric="decimal"
          placeholder="1000"
          value={fields.amountPerEpoch}
          onChange={(amountPerEpoch) => onChange({ ...fields, amountPerEpoch })}
          errors={errors}
        />
        <EpochCountField
          id={`${id}-epochs`}
          field="epochs"
          label="Epochs"
          hint="Paid one epoch at a time from the epoch it is accepted in (the one after the vote)"
          value={fields.epochs}
          errors={errors}
          onChange={(epochs) => onChange({ ...fields, epochs })}
        />
      </div>
      {call?.functionName === 'submit_funding' && (
        <p className="text-sm text-slate-300" data-testid="funding-total">
          In all: <Amount wei={call.args[4] * BigInt(call.args[5])} />
        </p>
      )}
    </>
  );
}
