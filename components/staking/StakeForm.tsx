'use client';

import { useId, useMemo, useState, type FormEvent } from 'react';
import { formatUnits, type Address } from 'viem';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import { formatCloReadable } from '@/lib/format/clo';
import { formatMultiplier } from '@/lib/format/multiplier';
import { formatDateTime, formatDuration } from '@/lib/format/time';
import { toChainTime } from '@/lib/staking/position';
import { addStakePreview, multiplierForRounds, projectReward } from '@/lib/staking/rewardModel';
import { MAX_FORM_ROUNDS, maxStakeable, termChoice, validateStakeForm } from '@/lib/staking/stakeForm';
import { Button, Card } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import { AddStakeLossWarning } from './AddStakeLossWarning';
import { RewardProjectionChart } from './RewardProjectionChart';
import type { StakerPosition } from './hooks/useStakerPosition';
import type { StakingPool } from './hooks/useStakingPool';
import { Amount } from '@/components/ui/Amount';
import { plural } from '@/lib/format/plural';

const roundOptions = Array.from({ length: MAX_FORM_ROUNDS }, (_, i) => i + 1);

interface Props {
  staking: Address;
  pool: StakingPool;
  /** The connected account's position in the same block (undefined without one). */
  position: StakerPosition | undefined;
  balance: bigint | undefined;
  gasPrice: bigint | undefined;
  connected: boolean;
}

export function StakeForm({ staking, pool: data, position, balance, gasPrice, connected }: Props) {
  const [amount, setAmount] = useState('');
  const [rounds, setRounds] = useState('1');
  const [touched, setTouched] = useState(false);
  const [acceptedLoss, setAcceptedLoss] = useState(false);
  const tx = useTransaction();
  const ids = {
    amount: useId(),
    amountError: useId(),
    rounds: useId(),
    roundsError: useId(),
    termNote: useId(),
    submitReason: useId(),
  };
  const result = validateStakeForm({ amount, rounds, balance });
  const clock = { contractNow: data.contractNow, chainNow: data.blockTime };
  const existing = position?.staker;
  const hasStake = (existing?.amount ?? 0n) > 0n;
  // A cleared field is a fresh start: no error, no warning, as before anything was typed.
  const empty = amount.trim() === '';
  // A top-up keeps the later of the current term end and the one chosen (see addStakePreview).
  const term = hasStake && existing ? termChoice(existing.endTime, data.view.now, data.roundInterval) : undefined;

  const preview = useMemo(() => {
    if (!result.rounds) return undefined;
    const view = data.view;
    const staker = existing ?? { amount: 0n, time: 0n, multiplier: 0n, endTime: 0n };
    return addStakePreview(staker, result.amount ?? 0n, result.rounds, view);
  }, [result.amount, result.rounds, data, existing]);

  const projection = useMemo(() => {
    if (!result.amount || !result.rounds) return undefined;
    const p = projectReward({
      amount: result.amount,
      rounds: result.rounds,
      pool: data.rewardPool,
      totalWeight: data.totalWeight,
      totalAmount: data.totalStaked,
      roundInterval: data.roundInterval,
    });
    return {
      ...p,
      points: Array.from({ length: Number(result.rounds) + 1 }, (_, round) => ({
        round,
        cumulativeReward: p.perRound * BigInt(round),
      })),
    };
  }, [result.amount, result.rounds, data]);

  // From the live pool and weight of the block read, as the contract would compute it (see lib/staking/livePool).
  const loss = hasStake ? position?.addLoss : undefined;
  const losesReward = Boolean(loss && loss.lostTime > 0n) && !empty;
  const errors = touched ? result.errors : {};
  const canSubmit = connected && !result.errors.amount && !result.errors.rounds && (!losesReward || acceptedLoss);
  // Said next to the button that was pressed, not only by a greyed button with its reason further up.
  const submitReason =
    touched && losesReward && !acceptedLoss
      ? 'Tick “I understand and want to add now” in the warning above first: adding now restarts your current round.'
      : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!canSubmit || result.amount === undefined || result.rounds === undefined) return;
    const outcome = await tx.send(
      {
        address: staking,
        abi: coldStakingAbi,
        functionName: 'start_staking',
        args: [result.rounds],
        value: result.amount,
      },
      { successMessage: `Staked ${formatCloReadable(result.amount)}` },
    );
    if (outcome?.status === 'success') {
      setAmount('');
      setTouched(false);
      setAcceptedLoss(false);
    }
  }

  return (
    <Card title={hasStake ? 'Add to my stake' : 'Stake CLO'}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <div>
          <label htmlFor={ids.amount} className="block text-sm font-medium">
            Amount (CLO)
          </label>
          <div className="mt-1 flex gap-2">
            <input
              id={ids.amount}
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              onChange={(e) => {
                setAmount(e.target.value);
                if (e.target.value.trim() === '') {
                  setTouched(false);
                  setAcceptedLoss(false);
                }
              }}
              aria-invalid={errors.amount ? true : undefined}
              aria-describedby={errors.amount ? ids.amountError : undefined}
              className="w-full min-w-0 rounded-md border border-slate-700 bg-slate-950 px-3 py-2 tabular-nums"
              placeholder="100"
            />
            <Button
              variant="secondary"
              disabled={balance === undefined}
              onClick={() => balance !== undefined && setAmount(formatUnits(maxStakeable(balance, gasPrice), 18))}
            >
              Max
            </Button>
          </div>
          {balance !== undefined && (
            <p className="mt-1 text-xs text-slate-400">
              Balance <Amount wei={balance} />; Max keeps enough for the network fee.
            </p>
          )}
          {errors.amount && (
            <p id={ids.amountError} className="mt-1 text-sm text-rose-300">
              {errors.amount}
            </p>
          )}
        </div>
        <div>
          <label htmlFor={ids.rounds} className="block text-sm font-medium">
            Term, in rounds of {formatDuration(Number(data.roundInterval))}
          </label>
          <select
            id={ids.rounds}
            name="rounds"
            value={rounds}
            onChange={(e) => setRounds(e.target.value)}
            aria-invalid={errors.rounds ? true : undefined}
            aria-describedby={
              [errors.rounds ? ids.roundsError : '', term ? ids.termNote : ''].join(' ').trim() || undefined
            }
            className="mt-1 w-full rounded-md border border-slate-700 bg-slate-950 px-3 py-2"
          >
            {roundOptions.map((n) => (
              <option key={n} value={n}>
                {plural(n, 'round')}, multiplier {formatMultiplier(multiplierForRounds(BigInt(n)))}
                {term && BigInt(n) < term.roundsToExtend ? ' (keeps your current term end)' : ''}
              </option>
            ))}
          </select>
          {errors.rounds && (
            <p id={ids.roundsError} className="mt-1 text-sm text-rose-300">
              {errors.rounds}
            </p>
          )}
        </div>

        {preview && (
          <dl className="grid grid-cols-2 gap-3 rounded-md bg-slate-950/60 p-3 text-sm">
            <div>
              <dt className="text-slate-400">Multiplier</dt>
              <dd className="font-semibold" data-testid="preview-multiplier">
                {formatMultiplier(preview.after.multiplier)}
              </dd>
            </div>
            <div>
              <dt className="text-slate-400">Term ends</dt>
              <dd className="font-semibold" data-testid="preview-term-end">
                {formatDateTime(toChainTime(preview.after.endTime, clock))}
              </dd>
            </div>
          </dl>
        )}
        {preview && term && result.rounds !== undefined && (
          <p id={ids.termNote} className="text-xs text-slate-300" data-testid="preview-term-note">
            {result.rounds < term.roundsToExtend
              ? `Your current term ends later than ${plural(result.rounds, 'round')} from now, so adding keeps its end; choose ${plural(term.roundsToExtend, 'round')} or more to extend it.`
              : `Adding extends your term to ${plural(result.rounds, 'round')} from now.`}
          </p>
        )}

        {hasStake && loss && losesReward && (
          <AddStakeLossWarning
            loss={loss}
            paidFirst={preview?.reward}
            accepted={acceptedLoss}
            onAcceptedChange={setAcceptedLoss}
          />
        )}

        {projection && (
          <div>
            <RewardProjectionChart points={projection.points} termLabel={plural(result.rounds ?? 0n, 'round')} />
            <p className="mt-2 text-xs text-slate-400">
              Estimate, not a promise: about <Amount wei={projection.perRound} /> a round and{' '}
              <Amount wei={projection.total} /> over the term, assuming today&apos;s pool and stakes, a claim at the end
              of every round, and that other stakers claim as often. Block rewards raise it; more stake lowers it.
            </p>
          </div>
        )}

        <div>
          <Button
            type="submit"
            className="w-full sm:w-auto"
            disabled={tx.isBusy || !connected}
            aria-describedby={submitReason ? ids.submitReason : undefined}
          >
            {!connected ? 'Connect a wallet to stake' : hasStake ? 'Add to stake' : 'Stake'}
          </Button>
          {submitReason && (
            <p id={ids.submitReason} className="mt-2 text-sm text-rose-300" data-testid="submit-reason">
              {submitReason}
            </p>
          )}
        </div>
        <TxStatus state={tx.state} />
      </form>
    </Card>
  );
}
