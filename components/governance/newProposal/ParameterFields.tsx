'use client';
import { useId } from 'react';
import { formatCloReadable } from '@/lib/format/clo';
import { formatPricePerMb } from '@/lib/files/units';
import { MB_NOTE } from '@/lib/governance/hostNodes';
import type { ParameterFields as Fields } from '@/lib/governance/newProposal';
import {
  isParameterChoice,
  PARAMETER_CHOICES,
  parameterOf,
  parameterRule,
  type ParameterChoice,
} from '@/lib/governance/parameters';
import { formatBps } from '@/lib/format/percent';
import { Field, inputClass } from '@/components/ui/FormField';
import { TextField } from './TextField';
import type { ShownErrors } from './useShownErrors';

const VALUE_LABELS = {
  quorum: 'New quorum (%)',
  deposit: 'New deposit (CLO)',
  storageUnitPrice: 'New unit price (CLO per MB)',
  storageFloorPrice: 'New floor price (CLO per MB)',
} as const satisfies Record<ParameterChoice, string>;

/** Today's value of each parameter, each undefined until read. */
export interface ParameterValues {
  quorumBps?: bigint;
  deposit?: bigint;
  unitPrice?: bigint;
  floorPrice?: bigint;
}

/** The hint under a parameter's new value: today's value and what the parameter does. */
function parameterHint(param: ParameterChoice, now: ParameterValues): string {
  const price = (wei: bigint | undefined) => (wei === undefined ? '…' : formatPricePerMb(wei));
  switch (param) {
    case 'quorum':
      return `Now ${now.quorumBps === undefined ? '…' : formatBps(now.quorumBps)} of all staked CLO.`;
    case 'deposit':
      return `Now ${now.deposit === undefined ? '…' : formatCloReadable(now.deposit)}.`;
    case 'storageUnitPrice':
      return `Now ${price(now.unitPrice)}. Scales the price per MB with the share of capacity in use (${MB_NOTE}).`;
    case 'storageFloorPrice':
      return `Now ${price(now.floorPrice)}. The least price per MB, so storage is never free (${MB_NOTE}).`;
  }
}

/** A parameter change: which parameter, and its new value in the units people use. */
export function ParameterFields({
  fields,
  onChange,
  errors,
  now,
  currentParameters,
  hasFileSystem,
}: {
  fields: Fields;
  onChange(fields: Fields): void;
  errors: ShownErrors;
  now: ParameterValues;
  currentParameters: Partial<Record<number, bigint>>;
  hasFileSystem: boolean | undefined;
}) {
  const id = useId();
  // Storage prices are the file system's: not offered on a chain without one.
  const choices = PARAMETER_CHOICES.filter((c) => hasFileSystem || !c.value.startsWith('storage'));
  const param = parameterOf(fields.param);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id={`${id}-param`} label="Parameter">
        <select
          id={`${id}-param`}
          name="param"
          value={fields.param}
          onChange={(e) => isParameterChoice(e.target.value) && onChange({ ...fields, param: e.target.value })}
          className={inputClass}
        >
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </Field>
      <TextField
        id={`${id}-value`}
        field="value"
        label={VALUE_LABELS[fields.param]}
        numeric="decimal"
        value={fields.value}
        onChange={(value) => onChange({ ...fields, value })}
        errors={errors}
        hint={
          <>
            {parameterHint(fields.param, now)}{' '}
            <span data-testid="parameter-rule">{parameterRule(param, currentParameters[param])}</span>
          </>
        }
      />
    </div>
  );
}
