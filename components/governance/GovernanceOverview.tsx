'use client';

import Link from 'next/link';
import type { Address } from 'viem';
import { contractAddress } from '@/lib/chain/deployments';
import { olderMayBeOpen, openForVoting } from '@/lib/governance/filters';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Card, Stat } from '@/components/ui/primitives';
import { proposalHref } from '@/components/governance/pageParts';
import { useGovernanceClock } from './hooks/useGovernanceClock';
import { useProposalListPage } from './hooks/useProposalListPage';
import { useTreasuryBalance } from './hooks/useTreasuryBalance';
import { Amount } from '@/components/ui/Amount';
import { SafeText } from '@/components/ui/SafeText';

/** Open proposals are the newest but one epoch's worth: one page of this many keeps the overview at a fixed number
 * of round trips however many proposals exist; past it the list says "and more" and links to the full list. */
const SCAN_PAGE = 50;

/** The treasury at a glance for the overview page: its balance and the proposals open for voting now. */
export function GovernanceOverview() {
  const { chain } = useNetwork();
  const governance = contractAddress(chain.id, 'TreasuryGovernance');
  return (
    <Card title="Treasury governance">
      {governance ? (
        <OverviewBody governance={governance} />
      ) : (
        <p className="text-sm text-slate-300">Treasury governance is not deployed on {chain.name}.</p>
      )}
    </Card>
  );
}

function OverviewBody({ governance }: { governance: Address }) {
  const clock = useGovernanceClock(governance);
  const treasury = useTreasuryBalance(governance);
  const newest = useProposalListPage(governance, 0, SCAN_PAGE);
  const epoch = clock.data?.currentEpoch;
  // Voting epochs never decrease with the id, so the open proposals sit at the newest end: when the oldest of the
  // newest page still votes now or later, older ones may too ("and more").
  const open =
    newest.proposals && newest.range && epoch !== undefined
      ? {
          proposals: openForVoting(newest.proposals, epoch),
          more: newest.range.offset > 0n && olderMayBeOpen(newest.proposals.slice(-1), epoch),
        }
      : undefined;
  const failed = Boolean(clock.error ?? newest.countError ?? newest.pageError);

  const openCount = open?.proposals.length;
  return (
    <>
      <dl className="grid grid-cols-2 gap-4">
        <Stat
          label="Treasury balance"
          value={treasury.balance === undefined ? undefined : <Amount wei={treasury.balance} />}
        />
        <Stat
          label="Open for voting"
          value={openCount === undefined ? undefined : `${openCount}${open?.more ? '+' : ''}`}
        />
      </dl>
      {failed && (
        <p role="alert" className="mt-3 text-sm text-rose-200">
          The proposals cannot be read: the network does not answer.
        </p>
      )}
      {open && open.proposals.length > 0 && (
        <ul className="mt-3 space-y-1 text-sm" aria-label="Proposals open for voting">
          {open.proposals.map((p) => (
            <li key={p.id.toString()} className="min-w-0 truncate">
              <Link href={proposalHref(p.id)} className="text-teal-300 underline underline-offset-2">
                #{p.id.toString()} <SafeText text={p.title} kind="name" />
              </Link>
            </li>
          ))}
          {open.more && <li className="text-slate-400">and more on the governance page</li>}
        </ul>
      )}
      {open && open.proposals.length === 0 && (
        <p className="mt-3 text-sm text-slate-300">No proposal is open for voting now.</p>
      )}
      <Link href="/governance/" className="mt-4 inline-block text-sm text-teal-300 underline underline-offset-2">
        All proposals
      </Link>
    </>
  );
}
