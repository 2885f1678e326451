'use client';
import type { ReactNode } from 'react';
import type { Address } from 'viem';
import { votingWindow } from '@/lib/governance/proposal';
import { DateAt } from '@/components/ui/chainDisplay';
import { Button, Card } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import type { TxState } from '@/components/ui/useTransaction';
import type { GovernanceClock } from '../hooks/useGovernanceClock';
import { Amount } from '@/components/ui/Amount';

const DEPOSIT_ERROR_ID = 'new-proposal-deposit-error';

/** The deposit the proposal sends, the balance it comes from, when the vote would run, and the submit button. */
export function DepositAndVote({
  deposit,
  account,
  balance,
  clock,
  depositError,
  nothingSent,
  busy,
  txState,
  children,
}: {
  deposit: bigint | undefined;
  account: Address | undefined;
  balance: bigint | undefined;
  clock: GovernanceClock | undefined;
  /** Shown after a submit only. */
  depositError: string | undefined;
  /** A submit found fields to correct. */
  nothingSent: boolean;
  busy: boolean;
  txState: TxState;
  children?: ReactNode;
}) {
  // A proposal submitted in epoch E is voted on during E + 1.
  const votingEpoch = clock ? clock.currentEpoch + 1n : undefined;
  const window =
    clock && votingEpoch !== undefined ? votingWindow(votingEpoch, clock.genesis, clock.epochLength) : undefined;
  return (
    <Card title="Deposit and vote">
      <dl className="grid gap-4 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-400">Deposit</dt>
          <dd className="mt-0.5 font-semibold" data-testid="proposal-deposit">
            {deposit === undefined ? '…' : <Amount wei={deposit} />}
          </dd>
          <dd className="text-xs text-slate-400">Sent with the proposal, refunded at evaluation or withdrawal</dd>
        </div>
        <div>
          <dt className="text-slate-400">Your balance</dt>
          <dd className="mt-0.5 font-semibold">
            {!account ? 'connect a wallet' : balance !== undefined ? <Amount wei={balance} /> : '…'}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-slate-400">Voting, if submitted now</dt>
          <dd className="mt-0.5" data-testid="voting-preview">
            {window && votingEpoch !== undefined ? (
              <>
                Epoch {votingEpoch.toString()}: <DateAt at={window.start} /> to <DateAt at={window.end} />
              </>
            ) : (
              '…'
            )}
          </dd>
          <dd className="text-xs text-slate-400">
            The vote takes the whole epoch after the one the proposal is submitted in.
          </dd>
        </div>
      </dl>
      {depositError && (
        <p className="mt-3 text-sm text-rose-300" id={DEPOSIT_ERROR_ID}>
          {depositError}
        </p>
      )}
      <Button
        type="submit"
        data-submit
        className="mt-4 w-full sm:w-auto"
        disabled={busy || !account}
        aria-describedby={depositError ? DEPOSIT_ERROR_ID : undefined}
      >
        Submit proposal
      </Button>
      {!account && <p className="mt-2 text-sm text-slate-400">Connect a wallet to submit.</p>}
      {nothingSent && (
        <p role="alert" className="mt-2 text-sm text-rose-300">
          Nothing was sent: correct the fields marked above.
        </p>
      )}
      <TxStatus state={txState} />
      {children}
    </Card>
  );
}
