'use client';

import Link from 'next/link';
import type { Address } from 'viem';
import { votingPowerNote } from '@/lib/governance/actions';
import { DateAt } from '@/components/ui/chainDisplay';
import { Amount } from '@/components/ui/Amount';

interface Props {
  account: Address | undefined;
  /** The account's stake in cold staking. */
  stake: bigint | undefined;
  /** Whether the vote is open now. */
  open: boolean;
  /** When it opens, if it has not yet. */
  opensAt?: bigint;
  /** When it ends: stakes that vote are held until then. */
  endsAt: bigint;
}

/** The connected account's voting power (its cold stake), and when it has none or cannot use it, why and how. */
export function VotingPower({ account, stake, open, opensAt, endsAt }: Props) {
  const note = votingPowerNote({ account, stake, open, opensAt });
  return (
    <div className="rounded-md bg-slate-950/60 p-3 text-sm" data-testid="voting-power">
      <p>
        <span className="text-slate-400">Your voting power: </span>
        <strong className="font-semibold tabular-nums">
          {!account ? 'connect a wallet to see it' : stake === undefined ? '…' : <Amount wei={stake} />}
        </strong>
        {account && stake !== undefined && stake > 0n && (
          <span className="text-slate-400"> (your stake in cold staking)</span>
        )}
      </p>
      {note?.reason === 'no-stake' && (
        <p className="mt-1 text-slate-300">
          This account has no stake in cold staking, and only cold stakers vote.{' '}
          <Link href="/staking/" className="text-teal-300 underline underline-offset-2">
            Stake CLO on the staking page
          </Link>{' '}
          to get voting power: a vote counts your whole stake at the time you cast it.
          {!open && opensAt !== undefined && (
            <>
              {' '}
              The vote opens at <DateAt at={opensAt} />, so there is time to stake first.
            </>
          )}
        </p>
      )}
      {note?.reason === 'not-open' && opensAt !== undefined && (
        <p className="mt-1 text-slate-300">
          The vote is not open yet: it opens at <DateAt at={opensAt} />.
        </p>
      )}
      {account && stake !== undefined && stake > 0n && (
        <p className="mt-1 text-xs text-slate-400">
          Voting holds your stake in cold staking until the vote ends (<DateAt at={endsAt} />
          ): it cannot be withdrawn before then.
        </p>
      )}
    </div>
  );
}
