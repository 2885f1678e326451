// Parameter changes: the values people type (a percentage, CLO, CLO per MB) read into the contract's units, the
// rule shown next to the field, and a change described in words.
import { formatUnits } from 'viem';
import { readAmount } from './amountText';
import { formatClo } from '../format/clo';
import { formatPricePerMb } from '../files/units';
import { allowedParameterRange, BPS, PARAMETER_BOUNDS, ProposalParam, type Proposal } from './proposal';
import { formatBps } from '../format/percent';

/** A quorum typed as a percentage (up to two decimals, 0 < q <= 100), as basis points. */
export function parseQuorumPercent(raw: string): { value?: bigint; error?: string } {
  const read = readAmount(raw.trim().replace(/%$/, ''), 2, {
    empty: 'Enter the quorum as a percentage, such as 10 or 12.5',
    notANumber: 'Enter a number, such as 10 or 12.5',
    tooManyDecimals: 'The quorum has at most 2 decimals (steps of 0.01%)',
  });
  if (read.value === undefined) return read;
  const bps = read.value;
  if (bps <= 0n || bps > BPS) return { error: 'Quorum must be 100 to 3000 bps (1% to 30%)' };
  return { value: bps };
}

/** A submission deposit typed in CLO, as wei. */
export function parseDepositClo(raw: string): { value?: bigint; error?: string } {
  const read = readAmount(raw, 18, {
    empty: 'Enter a deposit in CLO, such as 500',
    notANumber: 'Enter a number of CLO, such as 500 or 2.5',
    tooManyDecimals: 'CLO has at most 18 decimals',
  });
  if (read.value === undefined) return read;
  const value = read.value;
  if (value === 0n) return { error: 'The deposit must be above zero' };
  return { value };
}

/** A storage price typed in CLO per MB, as wei per MB (the file system's unit). */
export function parseCloPerMb(raw: string): { value?: bigint; error?: string } {
  const read = readAmount(raw, 18, {
    empty: 'Enter a price in CLO per MB, such as 0.01',
    notANumber: 'Enter a number of CLO, such as 0.01',
    tooManyDecimals: 'CLO has at most 18 decimals',
  });
  if (read.value === undefined) return read;
  const value = read.value;
  if (value === 0n) return { error: 'The price must be above zero' };
  return { value };
}

/** A parameter value in the units the form uses: a percentage for the quorum, CLO for the deposit, CLO a MB for
 * the storage prices. */
function formatParameterValue(param: number, value: bigint): string {
  if (param === ProposalParam.Quorum) return formatBps(value);
  if (param === ProposalParam.SubmissionDeposit) return `${formatUnits(value, 18)} CLO`;
  return `${formatUnits(value, 18)} CLO a MB`;
}

/** The rule next to the parameter field: the hard bounds, and the range one change may set from the current value. */
export function parameterRule(param: number, current: bigint | undefined): string {
  const bounds = PARAMETER_BOUNDS[param];
  if (!bounds) return '';
  const f = (v: bigint) => formatParameterValue(param, v);
  const step =
    param === ProposalParam.Quorum ? 'at most 5 percentage points a change' : 'at most double or half a change';
  const base = `Allowed: ${f(bounds.min)} to ${f(bounds.max)}, ${step}.`;
  if (current === undefined) return base;
  const range = allowedParameterRange(param, current)!;
  return `${base} From today’s ${f(current)}, this proposal may set ${f(range.min)} to ${f(range.max)}.`;
}

/** The parameters a parameter change may set, by the form's name for them. */
export const PARAMETER_CHOICES = [
  { value: 'quorum', param: ProposalParam.Quorum, label: 'Quorum' },
  { value: 'deposit', param: ProposalParam.SubmissionDeposit, label: 'Submission deposit' },
  { value: 'storageUnitPrice', param: ProposalParam.StorageUnitPrice, label: 'Storage unit price' },
  { value: 'storageFloorPrice', param: ProposalParam.StorageFloorPrice, label: 'Storage floor price' },
] as const;

export type ParameterChoice = (typeof PARAMETER_CHOICES)[number]['value'];

/** The contract's `ProposalParam` a choice of the form stands for. */
export function parameterOf(choice: ParameterChoice): number {
  return PARAMETER_CHOICES.find((c) => c.value === choice)?.param ?? ProposalParam.Quorum;
}

export function isParameterChoice(value: string): value is ParameterChoice {
  return PARAMETER_CHOICES.some((choice) => choice.value === value);
}

/** The parameter change a proposal makes, in words: "Quorum → 12.5%", "Submission deposit → 500 CLO",
 * "Storage floor price → 0.001 CLO per MB". */
export function describeParameterChange(p: Pick<Proposal, 'param' | 'param_value'>): string {
  if (p.param === ProposalParam.Quorum) return `Quorum → ${formatBps(p.param_value)}`;
  if (p.param === ProposalParam.SubmissionDeposit) return `Submission deposit → ${formatClo(p.param_value)} CLO`;
  // Prices are small: show them to the wei rather than rounded to four decimals.
  if (p.param === ProposalParam.StorageUnitPrice) {
    return `Storage unit price → ${formatPricePerMb(p.param_value)}`;
  }
  if (p.param === ProposalParam.StorageFloorPrice) {
    return `Storage floor price → ${formatPricePerMb(p.param_value)}`;
  }
  return `Unknown parameter ${p.param} → ${p.param_value}`;
}
